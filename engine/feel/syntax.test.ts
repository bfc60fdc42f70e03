import { describe, expect, it } from 'vitest';
import { checkExpression } from './index.ts';

describe('checkExpression', () => {
  it.each([
    'x',
    'a.b.c',
    'x + 1 > 2 and not(y)',
    'x in < 5',
    'x in (1, 2)',
    'x in [1..5]',
    'x between 1 and 5',
    '[1..3]',
    '[1, 2, 3][item > 1]',
    'for i in items return i * 2',
    'some x in [1, 2] satisfies x > 1',
    'if x then "a" else "b"',
    '{a: 1, b: a + 1}.b',
    '{f: function(x) x * 2, r: f(3)}.r',
    'date and time("2024-07-02T10:15:00")',
    'years and months duration(a, b)',
    '@"2024-07-02"',
    'now().time offset',
    'x instance of number',
    'is defined(x)',
    'get or else(x, 1)',
    'string join(list, ", ", "[", "]")',
    'last day of month(today())',
    'cycle(3, duration("PT1H"))',
    '`first name`',
    'order.`total price`',
    '// comment\n1',
    ' x',
  ])('given the valid expression %j, then it reports no error', (source) => {
    expect(checkExpression(source)).toBeUndefined();
  });

  it.each([
    ['1 +', "failed to parse expression '1 +': unexpected end of expression at position 3"],
    ['(1', "failed to parse expression '(1': unexpected end of expression at position 2"],
    ['1 2', "failed to parse expression '1 2': unexpected '2' at position 2"],
    ['"abc', "failed to parse expression '\"abc'"],
    ['', "failed to parse expression '': unexpected end of expression at position 0"],
  ])('given the incomplete expression %j, then it reports %j', (source, message) => {
    expect(checkExpression(source)).toContain(message);
  });

  it('given an expression that still starts with "=", then it is an error (feelin would evaluate it)', () => {
    expect(checkExpression('=x')).toBe("failed to parse expression '=x': unexpected '=' at position 0");
  });

  it('given a bare unary test, then it is an error outside "in"', () => {
    expect(checkExpression('< 5')).toMatch(/^failed to parse expression '< 5'/);
    expect(checkExpression('[1, 2][< 2]')).toMatch(/unexpected '<'/);
  });

  it('given a name with whitespace that is no known function, then it is an error (Camunda needs backticks)', () => {
    expect(checkExpression('order number')).toContain("a name may not contain whitespace: 'order number'");
    expect(checkExpression('foo bar(1)')).toContain("'foo bar'");
    expect(checkExpression('x.total price')).toContain("'total price'");
  });

  it('given a multi-line expression with an error, then the message is one line', () => {
    const message = checkExpression('{\n  a: 1,\n  b: \n}');
    expect(message).toBeDefined();
    expect(message).not.toContain('\n');
  });
});
