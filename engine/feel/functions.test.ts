import { describe, expect, it } from 'vitest';
import { feelNow, feelToday, systemZone } from './clock.ts';
import { evaluate } from './index.ts';
import { toZeebeValue } from './values.ts';

const NOW = Date.UTC(2024, 6, 2, 10, 15, 30, 123);
const run = (source: string, variables: Record<string, unknown> = {}) => evaluate(source, variables, NOW);

describe('Camunda built-ins', () => {
  it('is defined: false for null or a missing variable', () => {
    expect(run('is defined(x)', { x: 1 })).toBe(true);
    expect(run('is defined(x)', { x: null })).toBe(false);
    expect(run('is defined(missing)')).toBe(false);
  });

  it('get or else: the value, or the default when it is null', () => {
    expect(run('get or else(x, "d")', { x: 'v' })).toBe('v');
    expect(run('get or else(missing, "d")')).toBe('d');
    expect(run('get or else(value: null, default: 5)')).toBe(5);
  });

  it('is empty and is blank', () => {
    expect(run('is empty([])')).toBe(true);
    expect(run('is empty([1])')).toBe(false);
    expect(run('is empty("x")')).toBeNull();
    expect(run('is blank(" \t")')).toBe(true);
    expect(run('is blank(" a ")')).toBe(false);
  });

  it('trim strips surrounding whitespace', () => {
    expect(run('trim("  a b  ")')).toBe('a b');
    expect(run('trim(1)')).toBeNull();
  });

  it('uuid returns a fresh random UUID', () => {
    const first = run('uuid()');
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(run('uuid()')).not.toBe(first);
  });

  it('string join: with delimiter, prefix and suffix; nulls skipped; non-strings give null', () => {
    expect(run('string join(["a", "b"])')).toBe('ab');
    expect(run('string join(["a", null, "b"], ", ")')).toBe('a, b');
    expect(run('string join(["a", "b"], ", ", "[", "]")')).toBe('[a, b]');
    expect(run('string join(["a", 1], ",")')).toBeNull();
  });

  it('to json and from json', () => {
    expect(run('to json({a: 1, d: date("2024-07-02"), l: [true, null]})')).toBe(
      '{"a":1,"d":"2024-07-02","l":[true,null]}',
    );
    expect(run('to json("x")')).toBe('"x"');
    expect(run('from json("{\\"a\\": [1, 2.5]}")')).toEqual({ a: [1, 2.5] });
    expect(run('from json("{nope")')).toBeNull();
    expect(run('from json(x).a', { x: '{"a": 7}' })).toBe(7);
  });

  it('cycle builds the repeating interval Zeebe timers accept', () => {
    expect(run('cycle(duration("PT1H"))')).toBe('R/PT1H');
    expect(run('cycle(3, duration("P1D"))')).toBe('R3/P1D');
    expect(run('cycle(null, duration("PT36H"))')).toBe('R/P1DT12H');
    expect(run('cycle("x")')).toBeNull();
  });

  it('the other documented extensions', () => {
    expect(run('partition([1, 2, 3, 4, 5], 2)')).toEqual([[1, 2], [3, 4], [5]]);
    expect(run('duplicate values([1, 2, 3, 2, 1])')).toEqual([1, 2]);
    expect(run('extract("references are 1234, 1256, 1378", "12[0-9]*")')).toEqual(['1234', '1256']);
    expect(run('to base64("Camunda")')).toBe('Q2FtdW5kYQ==');
    expect(run('from base64("Q2FtdW5kYQ==")')).toBe('Camunda');
    expect(run('from base64("not base64!")')).toBeNull();
    expect(run('last day of month(date("2024-02-10"))')).toBe('2024-02-29');
    expect(run('get value({a: {b: 1}}, ["a", "b"])')).toBe(1);
    expect(run('get value({a: 1}, "a")')).toBe(1);
    expect(run('context put({a: {b: 1}}, ["a", "c"], 2)')).toEqual({ a: { b: 1, c: 2 } });
    const random = run('random number()') as number;
    expect(random).toBeGreaterThanOrEqual(0);
    expect(random).toBeLessThan(1);
  });
});

describe('now() and today() on the engine clock', () => {
  it('given an engine time, then now() is that instant, not the system time', () => {
    expect(run('now() = date and time("2024-07-02T10:15:30.123Z")')).toBe(true);
    expect(run('now()')).toBe(toZeebeValue(feelNow(NOW, systemZone())));
    expect(run('now() + duration("P1D") > now()')).toBe(true);
  });

  it('given an engine time, then today() is its date in the process time zone', () => {
    expect(run('today()')).toBe(feelToday(NOW, systemZone()).iso);
    expect(evaluate('today()', {}, Date.UTC(2001, 0, 1, 12))).toBe('2001-01-01');
  });

  it('given a named zone, then now() carries it the way Java prints a ZonedDateTime', () => {
    expect(toZeebeValue(feelNow(NOW, 'Asia/Jakarta'))).toBe('2024-07-02T17:15:30.123+07:00[Asia/Jakarta]');
    expect(toZeebeValue(feelNow(NOW, 'UTC'))).toBe('2024-07-02T10:15:30.123Z');
    expect(feelToday(Date.UTC(2024, 6, 2, 20), 'Asia/Jakarta').iso).toBe('2024-07-03');
  });
});
