import { Sequelize } from 'sequelize';
import { describe, expect, it } from 'vitest';
import { bind, observeSql, sqlOf } from './sql.ts';

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

describe('observing the fast path', () => {
  it('reports each statement with its values and time while observed, and nothing after', async () => {
    const sequelize = new Sequelize('sqlite::memory:', { logging: false });
    try {
      const seen: { text: string; values: unknown[]; ms: number }[] = [];
      observeSql(sequelize, (text, values, ms) => seen.push({ text, values, ms }));
      const sql = sqlOf(sequelize);
      expect(await sql.rows<{ a: number }>('SELECT :a AS a', { a: 7 })).toEqual([{ a: 7 }]);
      await sql.run('CREATE TABLE t (v INTEGER)');
      expect(seen.map(({ text, values }) => ({ text, values }))).toEqual([
        { text: 'SELECT ? AS a', values: [7] },
        { text: 'CREATE TABLE t (v INTEGER)', values: [] },
      ]);
      expect(seen.every((s) => s.ms >= 0)).toBe(true);
      observeSql(sequelize, undefined);
      await sql.run('INSERT INTO t VALUES (:v)', { v: 1 });
      expect(seen).toHaveLength(2);
    } finally {
      await sequelize.close();
    }
  });
});
