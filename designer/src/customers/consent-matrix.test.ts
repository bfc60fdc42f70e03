import { describe, expect, it } from 'vitest';
import { appendPage, consentMatrix, searchProblem } from './consent-matrix.ts';

describe('the consent grid', () => {
  it('shows every channel and purpose, a missing consent as none', () => {
    const { purposes, rows } = consentMatrix([
      { channel: 'whatsapp', purpose: 'marketing', granted: true, updatedAt: '2026-01-02T03:04:05.000Z' },
      { channel: 'email', purpose: 'service', granted: false, updatedAt: '2026-01-03T03:04:05.000Z' },
    ]);
    expect(purposes).toEqual(['marketing', 'service', 'profiling', 'third-party']);
    expect(rows.map((row) => row[0]?.channel)).toEqual(['email', 'sms', 'whatsapp', 'phone']);
    expect(rows[2]?.[0]).toEqual({
      channel: 'whatsapp',
      purpose: 'marketing',
      state: 'granted',
      updatedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(rows[0]?.[1]?.state).toBe('withdrawn');
    expect(rows[1]?.[0]?.state).toBe('none');
  });

  it('keeps a channel the server knows and this build does not, at the end', () => {
    const { rows } = consentMatrix([
      { channel: 'post', purpose: 'marketing', granted: true, updatedAt: '2026-01-02T03:04:05.000Z' },
    ]);
    expect(rows.at(-1)?.[0]).toMatchObject({ channel: 'post', state: 'granted' });
  });
});

describe('searching and paging', () => {
  it('asks for two characters before searching', () => {
    expect(searchProblem(' b ')).toBe('tooShort');
    expect(searchProblem('bu')).toBeNull();
  });

  it('appends a timeline page without repeating an entry', () => {
    expect(appendPage([{ id: '1' }, { id: '2' }], [{ id: '2' }, { id: '3' }])).toEqual([
      { id: '1' },
      { id: '2' },
      { id: '3' },
    ]);
  });
});

describe('days', () => {
  it('shows a birth date as that day and an instant as its Jakarta day', async () => {
    const { formatDay } = await import('./format-day.ts');
    expect(formatDay('1990-03-12', 'en')).toBe('12 Mar 1990');
    // 20:00 UTC is already the next day in Jakarta (UTC+7).
    expect(formatDay('2026-01-31T20:00:00.000Z', 'en')).toBe('1 Feb 2026');
    expect(formatDay(null, 'id')).toBe('—');
  });
});
