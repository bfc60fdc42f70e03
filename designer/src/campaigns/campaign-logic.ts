import type { CampaignStatus, Funnel } from './types.ts';

/** How a status reads at a glance: waiting on someone (warn), refused (danger), going well (ok). */
export function statusTone(status: CampaignStatus): '' | 'ok' | 'warn' | 'danger' {
  switch (status) {
    case 'PENDING_APPROVAL':
    case 'PAUSED':
      return 'warn';
    case 'REJECTED':
      return 'danger';
    case 'APPROVED':
    case 'SENDING':
      return 'ok';
    default:
      return '';
  }
}

export const canEdit = (status: CampaignStatus) => status === 'DRAFT' || status === 'REJECTED';
export const canPause = (status: CampaignStatus) => status === 'APPROVED' || status === 'SENDING';
export const canCancel = (status: CampaignStatus) =>
  ['DRAFT', 'REJECTED', 'APPROVED', 'SENDING', 'PAUSED'].includes(status);
/** Still moving on the server: the page refreshes itself while so. */
export const isLive = (status: CampaignStatus) =>
  status === 'PENDING_APPROVAL' || status === 'APPROVED' || status === 'SENDING';

export const FUNNEL_STAGES = ['audience', 'sent', 'delivered', 'opened', 'clicked', 'converted'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** The funnel's stages with their counts and each one's share of the audience (null before counting). */
export function funnelRows(funnel: Funnel): { stage: FunnelStage; value: number; share: number | null }[] {
  const base = funnel.audience;
  return FUNNEL_STAGES.map((stage) => {
    const value = stage === 'audience' ? (base ?? 0) : funnel[stage];
    return { stage, value, share: base ? value / base : null };
  });
}

/**
 * Batches queued of all the campaign needs: the runner queues `batchSize` customers a batch,
 * so an audience of 1,200 at 500 a batch is 3 batches.
 */
export function batchProgress(
  funnel: Funnel,
  batchSize: number,
): { done: number; total: number | null; sent: number; queued: number } {
  const total = funnel.audience === null ? null : Math.ceil(funnel.audience / batchSize);
  const done = Math.ceil(funnel.queued / batchSize);
  return {
    done: total === null ? done : Math.min(done, total),
    total,
    sent: funnel.sent,
    queued: funnel.queued,
  };
}

/** The template's own fillings (but the customer, filled per recipient) as text fields. */
export function dataFields(sample: Record<string, unknown>): string[] {
  return Object.keys(sample).filter((key) => key !== 'customer');
}

/** Typed values back to data: a field whose sample was a number stays a number when it reads as one. */
export function dataOf(
  values: Record<string, string>,
  sample: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(values)) {
    const trimmed = text.trim();
    if (!trimmed) continue;
    const n = Number(trimmed.replace(/\./g, ''));
    out[key] = typeof sample[key] === 'number' && Number.isFinite(n) ? n : trimmed;
  }
  return out;
}

/** Data as text fields, for the editor. */
export function textsOf(data: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(data))
    if (key !== 'customer') out[key] = typeof value === 'string' ? value : JSON.stringify(value);
  return out;
}

/** A `datetime-local` value (Jakarta wall time) as an ISO instant, and back. */
export function instantOf(local: string): string | null {
  if (!local) return null;
  const date = new Date(`${local}:00+07:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
export function localOf(iso: string | null): string {
  if (!iso) return '';
  const wib = new Date(Date.parse(iso) + 7 * 3_600_000);
  return wib.toISOString().slice(0, 16);
}
