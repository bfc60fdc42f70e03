import { isoInstant } from './deadlines.ts';
import { slaStateOf } from './list.ts';
import type { Case, CaseEvent } from './model.ts';

const iso = (at: number | null) => (at === null ? null : isoInstant(at));

/** A case as the API shows it: instants as ISO date-times, where it stands against its SLA. */
export function presentCase(c: Case, now: number) {
  return {
    id: c.id,
    number: c.number,
    customerId: c.customerId,
    branchCode: c.branchCode,
    category: c.category,
    severity: c.severity,
    channel: c.channel,
    form: c.form,
    description: c.description,
    status: c.status,
    queue: c.queue,
    slaPolicy: c.slaPolicy,
    slaDueAt: iso(c.slaDueAt),
    slaState: slaStateOf(c, now),
    slaBreachedAt: iso(c.slaBreachedAt),
    regulatoryDueAt: iso(c.regulatoryDueAt),
    documentsDueAt: iso(c.documentsDueAt),
    documentsCompleteAt: iso(c.documentsCompleteAt),
    extension:
      c.extendedAt === null
        ? null
        : { at: isoInstant(c.extendedAt), days: c.extensionDays ?? 0, reason: c.extensionReason ?? '' },
    assignee: c.assignee,
    escalationLevel: c.escalationLevel,
    escalatedTo: c.escalatedTo,
    resolution: c.resolution,
    rootCause: c.rootCause,
    resolvedAt: iso(c.resolvedAt),
    resolvedBy: c.resolvedBy,
    closedAt: iso(c.closedAt),
    csat: c.csat,
    csatAt: iso(c.csatAt),
    processInstanceKey: c.processInstanceKey,
    imported: c.imported,
    createdAt: isoInstant(c.createdAt),
    createdBy: c.createdBy,
    lastUpdateAt: isoInstant(c.lastUpdateAt),
  };
}

export const presentEvent = (e: CaseEvent) => ({ ...e, at: isoInstant(e.at) });
