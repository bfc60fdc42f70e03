import { describe, expect, it } from 'vitest';
import { evaluate, evaluateBoolean, evaluateDetailed, FeelError } from './index.ts';

const NOW = Date.UTC(2024, 6, 2, 10, 15, 30, 123);
const run = (source: string, variables: Record<string, unknown> = {}) => evaluate(source, variables, NOW);

describe('evaluate: variables and paths', () => {
  it('given variables, then names and nested contexts resolve', () => {
    expect(run('amount * 2', { amount: 21 })).toBe(42);
    expect(run('customer.address.city', { customer: { address: { city: 'Bandung' } } })).toBe('Bandung');
    expect(run('{a: 1, b: a + 1}.b')).toBe(2);
  });

  it('given a missing variable or path, then the result is null (Zeebe 8.3+)', () => {
    expect(run('missing')).toBeNull();
    expect(run('customer.name', { customer: {} })).toBeNull();
    expect(run('missing.name')).toBeNull();
  });

  it('given a missing variable, then the warnings name it as Zeebe does', () => {
    expect(evaluateDetailed('x.y', {}, NOW).warnings).toEqual([
      "[NO_VARIABLE_FOUND] No variable found with name 'x'",
      "[NO_CONTEXT_ENTRY_FOUND] No context entry found with key 'y'. The context is null",
    ]);
    expect(evaluateDetailed('x.y', { x: { a: 1 } }, NOW).warnings).toEqual([
      "[NO_CONTEXT_ENTRY_FOUND] No context entry found with key 'y'. Available keys: 'a'",
    ]);
  });

  it('given an ordering comparison with null, then it warns NOT_COMPARABLE as feel-scala does', () => {
    // The wording Zeebe 8.8 put in an incident for `score <= 50` without `score` (tests/conformance c03).
    expect(evaluateDetailed('score <= 50', {}, NOW).warnings).toEqual([
      "[NO_VARIABLE_FOUND] No variable found with name 'score'",
      "[NOT_COMPARABLE] Can't compare 'null' with '50'",
    ]);
    expect(evaluateDetailed('score <= 50', { score: 10 }, NOW).warnings).toEqual([]);
  });

  it('given a variable whose name needs backticks, then only the backtick form reads it', () => {
    expect(run('`first name`', { 'first name': 'Ann' })).toBe('Ann');
    expect(run('x.`total price`', { x: { 'total price': 5 } })).toBe(5);
    // feel-scala reads `a-b` as a minus b even when a variable "a-b" exists.
    expect(run('a-b', { 'a-b': 5, a: 10, b: 2 })).toBe(8);
    expect(run('`a-b`', { 'a-b': 5, a: 10, b: 2 })).toBe(5);
  });

  it("given an expression that builds on a variable, then the caller's variables are left untouched", () => {
    const variables = { x: { a: 1 }, list: [1] };
    expect(run('context put(x, "b", 2)', variables)).toEqual({ a: 1, b: 2 });
    expect(run('append(list, 2)', variables)).toEqual([1, 2]);
    expect(variables).toEqual({ x: { a: 1 }, list: [1] });
  });

  it('given a variable named like a function, then calls still reach the function (separate namespaces)', () => {
    expect(run('count(count)', { count: [1, 2, 3] })).toBe(3);
    expect(run('date(date)', { date: '2024-07-02' })).toBe('2024-07-02');
    expect(run('count([1]) + count', { count: 10 })).toBe(11);
    expect(run('years and months duration(date("2024-01-01"), date("2025-03-01"))', { years: 1 })).toBe(
      'P1Y2M',
    );
  });
});

describe('evaluate: values', () => {
  it('given whole results of decimal arithmetic, then they stay integers', () => {
    expect(run('2.5 * 2')).toBe(5);
    expect(Number.isInteger(run('2.5 * 2'))).toBe(true);
    expect(run('10 / 4')).toBe(2.5);
    expect(Object.is(run('0 * -1'), 0)).toBe(true);
  });

  it('given lists, filters and iteration, then they work as in FEEL', () => {
    const items = [{ a: 1 }, { a: 2 }, { a: 3 }];
    expect(run('items[a > 1].a', { items })).toEqual([2, 3]);
    expect(run('items.a', { items })).toEqual([1, 2, 3]);
    expect(run('[1, 2, 3][2]')).toBe(2);
    expect(run('[1, 2, 3][-1]')).toBe(3);
    expect(run('for i in 1..3 return i * 2')).toEqual([2, 4, 6]);
    expect(run('some x in [1, 2] satisfies x > 1')).toBe(true);
    expect(run('sum(items.a)', { items })).toBe(6);
  });

  it('given string functions, then they return strings', () => {
    expect(run('upper case(name) + "!"', { name: 'budi' })).toBe('BUDI!');
    expect(run('substring("abcdef", 2, 3)')).toBe('bcd');
    expect(run('contains("abc", "b")')).toBe(true);
    expect(run('split("a,b", ",")')).toEqual(['a', 'b']);
    expect(run('string(1.5)')).toBe('1.5');
  });

  it('given contexts and lists with nested temporals, then everything becomes JSON', () => {
    expect(run('{d: date("2024-07-02"), l: [duration("P5D"), null]}')).toEqual({
      d: '2024-07-02',
      l: ['P5D', null],
    });
  });

  it('given a result with no JSON form (range, function), then it is null as Zeebe stores it', () => {
    expect(run('[1..3]')).toBeNull();
    expect(run('function(x) x')).toBeNull();
  });
});

describe('evaluate: null semantics', () => {
  it('given comparisons with null, then they give null, but x = null is true for a missing x', () => {
    expect(run('missing > 1')).toBeNull();
    expect(run('missing = null')).toBe(true);
    expect(run('missing != null')).toBe(false);
    expect(run('x = null', { x: null })).toBe(true);
  });

  it('given and/or with null, then they are three-valued', () => {
    expect(run('true and missing')).toBeNull();
    expect(run('false and missing')).toBe(false);
    expect(run('true or missing')).toBe(true);
    expect(run('false or missing')).toBeNull();
  });

  it('given a type error, then the part is null, not a failure', () => {
    expect(run('"a" + 1')).toBeNull();
    expect(run('unknownFunction(1)')).toBeNull();
  });
});

describe('evaluate: failures', () => {
  it('given a syntax error, then FeelError carries the parse message', () => {
    expect(() => run('1 +')).toThrow(FeelError);
    expect(() => run('=x')).toThrow("failed to parse expression '=x'");
  });

  it("given a failed assert, then the evaluation fails with feel-scala's message and warnings", () => {
    expect(() => run('assert(x, x != null)')).toThrow(
      "Assertion failure on evaluate the expression 'assert(x, x != null)': The condition is not fulfilled" +
        ' The evaluation reported the following warnings:\n' +
        "[NO_VARIABLE_FOUND] No variable found with name 'x'\n" +
        "[NO_VARIABLE_FOUND] No variable found with name 'x'\n" +
        '[ASSERT_FAILURE] The condition is not fulfilled',
    );
    expect(run('assert(x, x > 0)', { x: 3 })).toBe(3);
  });
});

describe('evaluateBoolean', () => {
  it('given a boolean result, then it is returned', () => {
    expect(evaluateBoolean('amount > 100', { amount: 150 }, NOW)).toBe(true);
    expect(evaluateBoolean('missing = null', {}, NOW)).toBe(true);
  });

  it("given null, then it fails with Zeebe's message and warnings", () => {
    expect(() => evaluateBoolean('x', {}, NOW)).toThrow(
      "Expected result of the expression 'x' to be 'BOOLEAN', but was 'NULL'. " +
        "The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found with name 'x'",
    );
  });

  it.each([
    ['"yes"', 'STRING'],
    ['1', 'NUMBER'],
    ['[true]', 'ARRAY'],
    ['{a: true}', 'OBJECT'],
    ['date("2024-07-02")', 'DATE'],
    ['duration("P1D")', 'DURATION'],
  ])('given %s, then the message names the type %s', (source, type) => {
    expect(() => evaluateBoolean(source, {}, NOW)).toThrow(
      `Expected result of the expression '${source}' to be 'BOOLEAN', but was '${type}'.`,
    );
  });
});
