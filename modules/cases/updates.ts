import type { Transaction } from 'sequelize';
import { writeInteraction } from '../customers/index.ts';
import { activeMembers } from './assignment.ts';
import { deadlineFromDocuments, extendedDeadline, isoInstant, POJK } from './deadlines.ts';
import { CasesError, caseNotFound } from './errors.ts';
import type { Case } from './model.ts';
import type { CaseActor } from './scope.ts';
import type { CaseService } from './service.ts';
import { type CaseStatus, MANUAL_TRANSITIONS, OPEN_STATUSES } from './vocabulary.ts';

/** Gives the case's open task to someone else (the tasks module); absent without a task list. */
export type TaskReassigner = (
  processInstanceKey: string,
  assignee: string,
  actor: CaseActor,
) => Promise<void>;

const closed = (c: Case) =>
  new CasesError('INVALID_STATE', `Case ${c.number} is ${c.status}: it takes no more changes of this kind`);

/** One change of an open case: in scope, audited, on the timeline, and told to its process. */
async function change(
  service: CaseService,
  id: string,
  actor: CaseActor,
  action: string,
  work: (c: Case, now: number, transaction: Transaction) => Promise<Record<string, unknown>>,
  options: { allowResolved?: boolean; publish?: boolean } = {},
): Promise<Case> {
  const { sequelize, clock, audit } = service.deps;
  return sequelize.transaction(async (transaction) => {
    const c = await service.get(id, actor, transaction);
    if (!OPEN_STATUSES.includes(c.status) && !(options.allowResolved && c.status === 'RESOLVED'))
      throw closed(c);
    const now = clock.now();
    const details = await work(c, now, transaction);
    await service.table.update(c.id, { lastUpdateAt: now }, transaction);
    await audit.record(
      {
        actor: actor.username,
        source: actor.source,
        action,
        entityType: 'case',
        entityId: c.id,
        customerId: c.customerId,
        details: { number: c.number, ...details },
      },
      transaction,
    );
    const after = (await service.table.find(c.id, transaction)) as Case;
    if (options.publish !== false) await service.publishUpdate(after, transaction);
    return after;
  });
}

export function comment(service: CaseService, id: string, text: string, actor: CaseActor): Promise<Case> {
  return change(service, id, actor, 'case.comment', async (c, now, transaction) => {
    await service.record(c, 'comment', actor, { text }, transaction, now);
    return { length: text.length };
  });
}

export function changeStatus(
  service: CaseService,
  id: string,
  to: CaseStatus,
  note: string | undefined,
  actor: CaseActor,
): Promise<Case> {
  return change(
    service,
    id,
    actor,
    'case.status',
    async (c, now, transaction) => {
      if (!MANUAL_TRANSITIONS[c.status].includes(to))
        throw new CasesError(
          'INVALID_STATE',
          to === 'RESOLVED'
            ? `Case ${c.number} is resolved by completing its task, with the resolution and root cause`
            : `Case ${c.number} cannot go from ${c.status} to ${to}`,
          [{ field: 'body.status', message: `not allowed from ${c.status}` }],
        );
      const changes: Partial<Case> = { status: to };
      if (to === 'CLOSED') changes.closedAt = now;
      if (!(await service.table.update(c.id, changes, transaction, { status: [c.status] })))
        throw new CasesError('INVALID_STATE', `Case ${c.number} changed meanwhile: reload it`);
      await service.record(c, 'status', actor, { from: c.status, to, note: note ?? null }, transaction, now);
      return { from: c.status, to };
    },
    { allowResolved: true },
  );
}

/** A written complaint's documents are complete: the 10 working days of POJK start today. */
export async function documentsComplete(service: CaseService, id: string, actor: CaseActor): Promise<Case> {
  const calendar = await service.deps.calendar.snapshot();
  return change(service, id, actor, 'case.documents-complete', async (c, now, transaction) => {
    if (c.form !== 'written' || c.documentsCompleteAt !== null)
      throw new CasesError(
        'INVALID_STATE',
        c.form === 'written'
          ? `The documents of case ${c.number} were complete already`
          : `Case ${c.number} is a verbal complaint: it has no documents to complete`,
      );
    const regulatoryDueAt = deadlineFromDocuments(now, calendar);
    await service.table.update(c.id, { documentsCompleteAt: now, regulatoryDueAt }, transaction);
    await service.record(
      c,
      'documents',
      actor,
      { regulatoryDueAt: isoInstant(regulatoryDueAt) },
      transaction,
      now,
    );
    return { regulatoryDueAt };
  });
}

/**
 * The one extension POJK allows: up to 10 working days past the current deadline, with a
 * reason, and the customer told before it counts (the notice is queued in this transaction).
 */
export async function extend(
  service: CaseService,
  id: string,
  input: { days: number; reason: string },
  actor: CaseActor,
): Promise<Case> {
  const calendar = await service.deps.calendar.snapshot();
  return change(service, id, actor, 'case.extend', async (c, now, transaction) => {
    if (c.extendedAt !== null)
      throw new CasesError(
        'ALREADY_EXTENDED',
        `The deadline of case ${c.number} was extended already (once only)`,
      );
    if (c.regulatoryDueAt === null)
      throw new CasesError(
        'INVALID_STATE',
        `Case ${c.number} has no deadline yet: its documents are not complete`,
      );
    if (input.days < 1 || input.days > POJK.maxExtensionDays)
      throw new CasesError('INVALID_STATE', `An extension is 1–${POJK.maxExtensionDays} working days`, [
        { field: 'body.days', message: `1–${POJK.maxExtensionDays}` },
      ]);
    const regulatoryDueAt = extendedDeadline(c.regulatoryDueAt, input.days, calendar);
    await service.table.update(
      c.id,
      { regulatoryDueAt, extendedAt: now, extensionDays: input.days, extensionReason: input.reason },
      transaction,
    );
    const notice = await service.deps.notifications.queue(
      {
        customerId: c.customerId,
        templateKey: 'case.extended',
        channel: 'email',
        purpose: 'service',
        data: {
          caseNumber: c.number,
          days: input.days,
          reason: input.reason,
          dueDate: isoInstant(regulatoryDueAt),
        },
        ref: c.number,
      },
      { transaction, actor: { username: actor.username, source: actor.source } },
    );
    await service.record(
      c,
      'extension',
      actor,
      {
        days: input.days,
        reason: input.reason,
        from: isoInstant(c.regulatoryDueAt),
        to: isoInstant(regulatoryDueAt),
        notificationId: notice.id,
      },
      transaction,
      now,
    );
    return { days: input.days, reason: input.reason, regulatoryDueAt, notificationId: notice.id };
  });
}

/**
 * A supervisor gives the case (and its open task) to another member of its queue — or moves
 * it to another active queue and one of that queue's members; escalations then go to the new
 * queue's supervisor. The SLA stays as routed.
 */
export async function reassign(
  service: CaseService,
  id: string,
  assignee: string,
  actor: CaseActor,
  reassignTask?: TaskReassigner,
  toQueue?: string,
): Promise<Case> {
  const before = await service.get(id, actor);
  if (!OPEN_STATUSES.includes(before.status)) throw closed(before);
  const code = toQueue ?? before.queue;
  const queue = code ? await service.configuration.queue(code) : undefined;
  if (toQueue !== undefined && !queue?.active)
    throw new CasesError('INVALID_REFERENCE', `There is no active queue ${toQueue}`, [
      { field: 'body.queue', message: `no active queue ${toQueue}` },
    ]);
  if (!queue) throw new CasesError('INVALID_STATE', `Case ${before.number} is not in a queue yet`);
  if (!(await activeMembers(service.sql, queue)).includes(assignee))
    throw new CasesError('INVALID_REFERENCE', `${assignee} is not an active member of queue ${queue.code}`, [
      { field: 'body.assignee', message: `not a member of ${queue.code}` },
    ]);
  if (before.processInstanceKey && reassignTask)
    await reassignTask(before.processInstanceKey, assignee, actor);
  return change(service, id, actor, 'case.reassign', async (c, now, transaction) => {
    const moved = c.queue !== queue.code;
    if (c.assignee === assignee && !moved) return { from: c.assignee, to: assignee };
    const status = c.status === 'NEW' ? 'ASSIGNED' : c.status;
    await service.table.update(c.id, { assignee, status, queue: queue.code }, transaction);
    await service.record(
      c,
      'assigned',
      actor,
      { from: c.assignee, to: assignee, queue: queue.code, ...(moved ? { fromQueue: c.queue } : {}) },
      transaction,
      now,
    );
    return { from: c.assignee, to: assignee, ...(moved ? { fromQueue: c.queue, queue: queue.code } : {}) };
  });
}

/**
 * The customer's satisfaction score (1–5), once, after the case is resolved: through the
 * survey link of the resolution message, or recorded by staff who heard it. Closes the case.
 */
export async function recordScore(
  service: CaseService,
  id: string,
  score: number,
  actor: CaseActor,
  via: 'survey-link' | 'staff',
): Promise<Case> {
  const { sequelize, clock, audit } = service.deps;
  return sequelize.transaction(async (transaction) => {
    const c = await service.get(id, actor, transaction).catch(() => {
      throw via === 'survey-link' ? new CasesError('SURVEY_NOT_FOUND', 'No such survey') : caseNotFound(id);
    });
    if (c.resolvedAt === null || c.csat !== null)
      throw new CasesError(
        'SURVEY_CLOSED',
        c.csat !== null ? `Case ${c.number} was rated already` : `Case ${c.number} is not resolved yet`,
      );
    const now = clock.now();
    await service.table.update(
      c.id,
      { csat: score, csatAt: now, status: 'CLOSED', closedAt: c.closedAt ?? now, lastUpdateAt: now },
      transaction,
    );
    await service.record(c, 'survey', actor, { score, via }, transaction, now);
    await writeInteraction(
      sequelize,
      {
        customerId: c.customerId,
        at: now,
        channel: via === 'survey-link' ? 'email' : c.channel,
        kind: 'case-survey',
        summary: `Nilai kepuasan ${score}/5 untuk pengaduan ${c.number}`,
        refType: 'case',
        refId: c.id,
        actor: actor.username,
      },
      transaction,
    );
    await audit.record(
      {
        actor: actor.username,
        source: actor.source,
        action: 'case.csat',
        entityType: 'case',
        entityId: c.id,
        customerId: c.customerId,
        details: { number: c.number, score, via },
      },
      transaction,
    );
    return (await service.table.find(c.id, transaction)) as Case;
  });
}
