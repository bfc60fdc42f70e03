import { describe, expect, it } from 'vitest';
import { evaluate, evaluateDetailed } from './index.ts';

const run = (source: string) => evaluate(source, {}, 0);

// Zeebe 8.8 stores FEEL temporals as strings (FeelToMessagePackTransformer after camunda#35927).
describe('temporal results become the strings Zeebe stores', () => {
  it('date: ISO local date', () => {
    expect(run('date("2024-07-02")')).toBe('2024-07-02');
    expect(run('date("2024-01-31") + duration("P1M")')).toBe('2024-02-29');
  });

  it('local date-time: ISO_LOCAL_DATE_TIME, seconds kept, fraction trimmed', () => {
    expect(run('date and time("2024-07-02T10:15:00")')).toBe('2024-07-02T10:15:00');
    expect(run('date and time("2024-07-02T10:15:30.500")')).toBe('2024-07-02T10:15:30.5');
  });

  it('zoned date-time: ISO_ZONED_DATE_TIME, Z for UTC, [zone] for a region', () => {
    expect(run('date and time("2024-07-02T10:15:30+02:00")')).toBe('2024-07-02T10:15:30+02:00');
    expect(run('date and time("2024-07-02T10:15:30Z")')).toBe('2024-07-02T10:15:30Z');
    expect(run('date and time("2024-07-02T10:15:00@Europe/Berlin")')).toBe(
      '2024-07-02T10:15:00+02:00[Europe/Berlin]',
    );
    expect(run('date and time("2024-01-02T10:15:00@Europe/Berlin")')).toBe(
      '2024-01-02T10:15:00+01:00[Europe/Berlin]',
    );
  });

  it('durations: years-months and normalised days-time (Zeebe 8.7+)', () => {
    expect(run('duration("P1Y2M")')).toBe('P1Y2M');
    expect(run('duration("P14M")')).toBe('P1Y2M');
    expect(run('duration("P5D")')).toBe('P5D');
    expect(run('duration("PT120H")')).toBe('P5D');
    expect(run('duration("PT2H")')).toBe('PT2H');
    expect(run('duration("PT36H")')).toBe('P1DT12H');
    expect(run('date("2024-07-02") - date("2024-06-01")')).toBe('P31D');
  });

  it('local time: Java LocalTime.toString, zero seconds dropped', () => {
    expect(run('time("10:15:00")')).toBe('10:15');
    expect(run('time("10:15:30")')).toBe('10:15:30');
    expect(run('time("10:15:00.5")')).toBe('10:15:00.500');
  });
});

describe('result types use Zeebe names', () => {
  it.each([
    ['null', 'NULL'],
    ['true', 'BOOLEAN'],
    ['1', 'NUMBER'],
    ['"a"', 'STRING'],
    ['[1]', 'ARRAY'],
    ['{a: 1}', 'OBJECT'],
    ['duration("PT1H")', 'DURATION'],
    ['duration("P1M")', 'PERIOD'],
    ['date("2024-07-02")', 'DATE'],
    ['date and time("2024-07-02T10:15:00")', 'DATE_TIME'],
    ['time("10:15:00")', 'UNKNOWN'],
  ])('%s is %s', (source, type) => {
    expect(evaluateDetailed(source, {}, 0).type).toBe(type);
  });
});
