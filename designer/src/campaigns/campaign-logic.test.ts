import { describe, expect, it } from 'vitest';
import {
  batchProgress,
  canCancel,
  canEdit,
  canPause,
  dataOf,
  funnelRows,
  instantOf,
  localOf,
  statusTone,
  textsOf,
} from './campaign-logic.ts';
import type { Funnel } from './types.ts';

const funnel = (changes: Partial<Funnel>): Funnel => ({
  audience: 1200,
  queued: 0,
  held: 0,
  sent: 0,
  delivered: 0,
  opened: 0,
  clicked: 0,
  converted: 0,
  suppressed: 0,
  failed: 0,
  ...changes,
});

describe('campaign logic', () => {
  it('colours statuses by what they ask of a person', () => {
    expect(statusTone('PENDING_APPROVAL')).toBe('warn');
    expect(statusTone('REJECTED')).toBe('danger');
    expect(statusTone('SENDING')).toBe('ok');
    expect(statusTone('COMPLETED')).toBe('');
  });

  it('allows the maker the steps the server allows in each status', () => {
    expect(canEdit('REJECTED')).toBe(true);
    expect(canEdit('PENDING_APPROVAL')).toBe(false);
    expect(canPause('SENDING')).toBe(true);
    expect(canPause('PAUSED')).toBe(false);
    expect(canCancel('PENDING_APPROVAL')).toBe(false);
    expect(canCancel('PAUSED')).toBe(true);
  });

  it('gives each funnel stage its share of the audience', () => {
    const rows = funnelRows(funnel({ sent: 600, delivered: 540, opened: 300, clicked: 60, converted: 12 }));
    expect(rows.map((r) => [r.stage, r.value, r.share])).toEqual([
      ['audience', 1200, 1],
      ['sent', 600, 0.5],
      ['delivered', 540, 0.45],
      ['opened', 300, 0.25],
      ['clicked', 60, 0.05],
      ['converted', 12, 0.01],
    ]);
    expect(funnelRows(funnel({ audience: null }))[0]).toEqual({ stage: 'audience', value: 0, share: null });
  });

  it('counts batches queued of those the audience needs', () => {
    expect(batchProgress(funnel({ queued: 500, sent: 480 }), 500)).toEqual({
      done: 1,
      total: 3,
      sent: 480,
      queued: 500,
    });
    expect(batchProgress(funnel({ queued: 1200 }), 500).done).toBe(3);
    expect(batchProgress(funnel({ audience: null }), 500).total).toBeNull();
  });

  it("keeps a template's numeric fillings numbers, and leaves out empty ones", () => {
    const sample = { limit: 10_000_000, offerUrl: 'https://x', customer: { name: 'Budi' } };
    expect(dataOf({ limit: '25.000.000', offerUrl: ' https://bank.example ', rate: '' }, sample)).toEqual({
      limit: 25_000_000,
      offerUrl: 'https://bank.example',
    });
    expect(textsOf(sample)).toEqual({ limit: '10000000', offerUrl: 'https://x' });
  });

  it('reads a schedule as Jakarta wall time', () => {
    expect(instantOf('2026-12-01T09:30')).toBe('2026-12-01T02:30:00.000Z');
    expect(localOf('2026-12-01T02:30:00.000Z')).toBe('2026-12-01T09:30');
    expect(instantOf('')).toBeNull();
  });
});
