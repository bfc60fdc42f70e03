import { describe, expect, it } from 'vitest';
import { audit } from '../i18n/audit.ts';
import { dashboards } from '../i18n/dashboards.ts';
import { changesOf, entriesQuery, filterProblems, NO_FILTERS, valueText } from './filters.ts';

const keys = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}/`))
    : [prefix];

describe('audit search', () => {
  it('sends only the filters filled in, days as WIB instants with the last day included', () => {
    expect(entriesQuery(NO_FILTERS)).toBe('?limit=25');
    const query = new URLSearchParams(
      entriesQuery(
        { ...NO_FILTERS, actor: ' agent2 ', action: 'customer.view', from: '2026-03-01', to: '2026-03-15' },
        40,
      ),
    );
    expect(Object.fromEntries(query)).toEqual({
      actor: 'agent2',
      action: 'customer.view',
      from: '2026-02-28T17:00:00.000Z',
      to: '2026-03-15T17:00:00.000Z',
      before: '40',
      limit: '25',
    });
  });

  it('a range of days that runs backwards is refused, naming the To field', () => {
    expect(filterProblems({ ...NO_FILTERS, from: '2026-03-02', to: '2026-03-01' })).toEqual([
      { field: 'to', problem: 'order' },
    ]);
    expect(filterProblems({ ...NO_FILTERS, from: '2026-03-01', to: '2026-03-01' })).toEqual([]);
  });

  it('details read as changes (from → to) or values, exactly as the server sent them', () => {
    expect(
      changesOf({ phone: { from: '0812****890', to: '0813****000' }, part: '360', clear: ['nik'] }),
    ).toEqual([
      { field: 'phone', from: '0812****890', to: '0813****000' },
      { field: 'part', value: '360' },
      { field: 'clear', value: ['nik'] },
    ]);
    expect(changesOf(null)).toEqual([]);
    expect(valueText(['nik'])).toBe('["nik"]');
    expect(valueText(null)).toBe('—');
  });
});

describe('the words of both screens', () => {
  it('say the same things in Bahasa Indonesia and English', () => {
    expect(keys(audit.en)).toEqual(keys(audit.id));
    expect(keys(dashboards.en)).toEqual(keys(dashboards.id));
  });
});
