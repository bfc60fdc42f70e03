import { describe, expect, it } from 'vitest';
import { consentLabel, slaOption, volumeOption } from './chart-options.ts';
import {
  formatRate,
  jakartaToday,
  monthLabel,
  periodFromSegment,
  periodProblems,
  periodQuery,
  periodSegment,
  presetOf,
  presetPeriod,
} from './period.ts';
import { groupsFor } from './reports.ts';
import type { SlaReport, VolumeReport } from './types.ts';

const heading = { period: { from: '2026-01-01', to: '2026-02-28' }, scope: { kind: 'all' as const } };

describe('dashboard periods', () => {
  it("today is Jakarta's date: 17:30 UTC on the 31st is already the 1st in WIB", () => {
    expect(jakartaToday(Date.parse('2026-01-31T17:30:00Z'))).toBe('2026-02-01');
    expect(jakartaToday(Date.parse('2026-01-31T16:59:00Z'))).toBe('2026-01-31');
  });

  it('presets end today: this month, the last 30 days (today included), this quarter', () => {
    expect(presetPeriod('month', '2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(presetPeriod('last30', '2026-03-15')).toEqual({ from: '2026-02-14', to: '2026-03-15' });
    expect(presetPeriod('quarter', '2026-03-15')).toEqual({ from: '2026-01-01', to: '2026-03-15' });
    expect(presetPeriod('quarter', '2026-11-24')).toEqual({ from: '2026-10-01', to: '2026-11-24' });
    expect(presetOf({ from: '2026-11-01', to: '2026-11-24' }, '2026-11-24')).toBe('month');
    expect(presetOf({ from: '2026-11-02', to: '2026-11-24' }, '2026-11-24')).toBeUndefined();
  });

  it('a period goes into the address and back; anything else there means the reports’ default', () => {
    expect(periodSegment({ from: '2026-01-01', to: '2026-03-31' })).toBe('2026-01-01..2026-03-31');
    expect(periodFromSegment('2026-01-01..2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodSegment({ from: '', to: '' })).toBe('default');
    for (const segment of ['default', undefined, '2026-01-01', 'x..y', '2026-1-1..2026-03-31'])
      expect(periodFromSegment(segment)).toEqual({ from: '', to: '' });
  });

  it('a period typed in is checked per field before the server is asked', () => {
    expect(periodProblems({ from: '', to: '2026-01-01' })).toEqual([{ field: 'from', problem: 'required' }]);
    expect(periodProblems({ from: '2026-02-30x', to: '2026-03-01' })).toEqual([
      { field: 'from', problem: 'invalid' },
    ]);
    expect(periodProblems({ from: '2026-03-01', to: '2026-02-01' })).toEqual([
      { field: 'to', problem: 'order' },
    ]);
    expect(periodProblems({ from: '2024-01-01', to: '2026-01-01' })).toEqual([
      { field: 'to', problem: 'span' },
    ]);
    expect(periodProblems({ from: '2024-02-01', to: '2026-01-31' })).toEqual([]);
  });

  it("the query asks for the reports' own defaults when no period is chosen", () => {
    expect(periodQuery({ from: '', to: '' })).toBe('');
    expect(periodQuery({ from: '2026-01-01', to: '2026-03-31' })).toBe('?from=2026-01-01&to=2026-03-31');
    expect(periodQuery({ from: '', to: '', branch: 'PMS-KC' })).toBe('?branch=PMS-KC');
  });

  it('months and rates read naturally in each language', () => {
    expect(monthLabel('2026-05', 'id')).toMatch(/Mei 2026/);
    expect(monthLabel('2026-08', 'en')).toMatch(/Aug 2026/);
    expect(formatRate(0.8333, 'id')).toBe('83,3%');
    expect(formatRate(0.5, 'en')).toBe('50%');
    expect(formatRate(null, 'en')).toBe('—');
  });
});

describe('who sees which reports', () => {
  it('supervisors the case reports, marketing the campaign reports, compliance and admin both', () => {
    expect(groupsFor(['supervisor']).map((g) => g.id)).toEqual(['cases']);
    expect(groupsFor(['marketing']).map((g) => g.id)).toEqual(['marketing']);
    expect(groupsFor(['compliance']).map((g) => g.id)).toEqual(['cases', 'marketing']);
    expect(groupsFor(['admin']).map((g) => g.id)).toEqual(['cases', 'marketing']);
    expect(groupsFor(['agent'])).toEqual([]);
  });
});

describe('chart options', () => {
  const t = ((key: string, options?: { defaultValue?: string }) =>
    key.startsWith('channel.x') ? (options?.defaultValue ?? key) : `«${key}»`) as never;

  it('complaint volume: one stacked series per category, named in the reader language, months on the axis', () => {
    const report: VolumeReport = {
      ...heading,
      months: ['2026-01', '2026-02'],
      series: [{ category: 'LOAN', name: 'Kredit', nameEn: 'Loan', counts: [1, 2], total: 3 }],
      totals: [1, 2],
      total: 3,
    };
    const id = volumeOption(report, 'id') as {
      xAxis: { data: string[] };
      series: { name: string; data: number[] }[];
    };
    expect(id.xAxis.data).toEqual([monthLabel('2026-01', 'id'), monthLabel('2026-02', 'id')]);
    expect(id.series).toMatchObject([{ name: 'Kredit', data: [1, 2], stack: 'volume' }]);
    expect((volumeOption(report, 'en') as { series: { name: string }[] }).series[0]?.name).toBe('Loan');
  });

  it('SLA: met, breached and pending stacked per month, the rate as a line on its own axis', () => {
    const report: SlaReport = {
      ...heading,
      months: [
        { month: '2026-01', met: 1, breached: 0, pending: 0, rate: 1 },
        { month: '2026-02', met: 1, breached: 1, pending: 2, rate: 0.5 },
      ],
      queues: [],
      overall: { met: 2, breached: 1, pending: 2, rate: 2 / 3 },
    };
    const option = slaOption(report, 'id', t) as {
      series: { name: string; data: unknown[]; yAxisIndex?: number }[];
    };
    expect(option.series.map((s) => [s.name, s.data, s.yAxisIndex ?? 0])).toEqual([
      ['«sla.met»', [1, 1], 0],
      ['«sla.breached»', [0, 1], 0],
      ['«sla.pending»', [0, 2], 0],
      ['«sla.rate»', [1, 0.5], 1],
    ]);
  });

  it('a consent series is labelled by channel and purpose; an unknown code shows as itself', () => {
    expect(consentLabel({ channel: 'email', purpose: 'marketing' }, t)).toBe(
      '«channel.email» · «purpose.marketing»',
    );
    expect(consentLabel({ channel: 'xfax', purpose: 'marketing' }, t)).toBe('xfax · «purpose.marketing»');
  });
});
