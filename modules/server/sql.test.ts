import { describe, expect, it } from 'vitest';
import { bind } from './sql.ts';

describe('named SQL parameters onto the driver', () => {
  it('turns :names into positions, lists for arrays, and leaves quoted text alone', () => {
    expect(
      bind("SELECT * FROM t WHERE a = :a AND b IN (:bs) AND c = ':not' AND d = :a", { a: 1, bs: ['x', 'y'] }),
    ).toEqual({
      text: "SELECT * FROM t WHERE a = ? AND b IN (?, ?) AND c = ':not' AND d = ?",
      values: [1, 'x', 'y', 1],
    });
  });

  it('sends booleans as 1 and 0, undefined as null, and refuses a missing parameter', () => {
    expect(bind('INSERT INTO t VALUES (:a, :b)', { a: true, b: undefined }).values).toEqual([1, null]);
    expect(() => bind('SELECT :missing', {})).toThrow(':missing has no value');
  });
});
