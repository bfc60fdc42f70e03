import { describe, expect, it } from 'vitest';
import { HOLIDAYS_2026 } from '../calendar/holidays-2026-2027.ts';
import { WorkingCalendar } from '../calendar/index.ts';
import { leastLoaded, nextInTurn } from './assignment.ts';
import { complaintDeadlines, extendedDeadline, isoInstant, slaDueAt, workingDaysLeft } from './deadlines.ts';

const calendar = new WorkingCalendar(new Map(HOLIDAYS_2026.map((h) => [h.date, h.kind])));
const wib = (local: string) => Date.parse(`${local}+07:00`);

describe('POJK complaint deadlines on the business calendar', () => {
  it('given a verbal complaint on Friday 14 August 2026, when 5 working days are counted, then the weekend and Independence Day (Mon 17) are skipped', () => {
    const { regulatoryDueAt } = complaintDeadlines('verbal', wib('2026-08-14T10:00:00'), true, calendar);
    // 18, 19, 20, 21, 24 August.
    expect(isoInstant(regulatoryDueAt as number)).toBe('2026-08-24T16:59:59.999Z');
  });

  it('given a written complaint with complete documents on Thursday 13 August 2026, then 10 working days skip 17 and 25 August (Maulid Nabi)', () => {
    const { regulatoryDueAt, documentsCompleteAt } = complaintDeadlines(
      'written',
      wib('2026-08-13T09:00:00'),
      true,
      calendar,
    );
    // 14, 18, 19, 20, 21, 24, 26, 27, 28, 31 August.
    expect(isoInstant(regulatoryDueAt as number)).toBe('2026-08-31T16:59:59.999Z');
    expect(documentsCompleteAt).toBe(wib('2026-08-13T09:00:00'));
  });

  it('given a written complaint without its documents, then the answer waits and the customer has 10 working days', () => {
    const at = wib('2026-08-13T09:00:00');
    expect(complaintDeadlines('written', at, false, calendar)).toEqual({
      regulatoryDueAt: null,
      documentsDueAt: wib('2026-08-31T23:59:59.999'),
      documentsCompleteAt: null,
    });
  });

  it('the one extension adds 1–10 working days past the current deadline, never more', () => {
    const due = wib('2026-12-23T23:59:59.999');
    // 24 (cuti bersama) and 25 (national) December, then the weekend.
    expect(isoInstant(extendedDeadline(due, 2, calendar))).toBe('2026-12-29T16:59:59.999Z');
    expect(() => extendedDeadline(due, 11, calendar)).toThrow(RangeError);
    expect(() => extendedDeadline(due, 0, calendar)).toThrow(RangeError);
  });
});

describe('SLA due dates', () => {
  const friday = wib('2026-08-14T15:00:00');
  it('plain hours run on the clock, through weekends and holidays', () => {
    expect(slaDueAt({ amount: 24, unit: 'hours' }, friday, calendar)).toBe(friday + 24 * 3_600_000);
  });
  it('working hours count 08:00–17:00 on working days: Friday 15:00 + 8h is Tuesday 14:00 (2h on Friday, Monday a holiday)', () => {
    expect(slaDueAt({ amount: 8, unit: 'working-hours' }, friday, calendar)).toBe(wib('2026-08-18T14:00:00'));
  });
  it('working days end at the end of the n-th working day', () => {
    expect(slaDueAt({ amount: 2, unit: 'working-days' }, friday, calendar)).toBe(
      wib('2026-08-19T23:59:59.999'),
    );
  });
});

describe('assignment strategies', () => {
  it('least loaded: the member with the fewest open cases; ties go to the first by username', () => {
    const load = new Map([
      ['agent1', 3],
      ['agent2', 1],
      ['agent3', 1],
    ]);
    expect(leastLoaded(['agent1', 'agent2', 'agent3'], load)).toBe('agent2');
    expect(leastLoaded([], load)).toBeUndefined();
  });
  it('round robin: the member after the last one, wrapping around, skipping those who left', () => {
    expect(nextInTurn(['agent1', 'agent2'], null)).toBe('agent1');
    expect(nextInTurn(['agent1', 'agent2'], 'agent1')).toBe('agent2');
    expect(nextInTurn(['agent1', 'agent2'], 'agent2')).toBe('agent1');
    expect(nextInTurn(['agent1', 'agent3'], 'agent2')).toBe('agent3');
    expect(nextInTurn([], 'agent2')).toBeUndefined();
  });
});

describe('working days left to a POJK deadline', () => {
  const due = wib('2026-08-24T23:59:59.999');
  it('given the deadline of Monday 24 August, on Friday 14 August 5 working days are left (17 August skipped)', () => {
    expect(workingDaysLeft(wib('2026-08-14T10:00:00'), due, calendar)).toBe(5);
  });
  it('on the day itself none are left, and after it the working days past count negative', () => {
    expect(workingDaysLeft(wib('2026-08-24T15:00:00'), due, calendar)).toBe(0);
    expect(workingDaysLeft(wib('2026-08-26T09:00:00'), due, calendar)).toBe(-1);
  });
});
