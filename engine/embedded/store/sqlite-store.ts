import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommitQueue } from './group-commit.ts';
import { KeyGenerator } from './keys.ts';
import { engineSchema, engineSchemaUpgrades } from './schema.ts';
import type { EngineStore, SqlValue, StoreTransaction } from './store.ts';

/**
 * The engine's state on better-sqlite3 (DESIGN seam 5): cached prepared statements on the
 * engine's own file (never opened by sequelize's driver), WAL, one writer.
 */
export function openSqliteStore(path: string): EngineStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  db.defaultSafeIntegers(true);
  db.transaction(() => {
    const runs = (sql: string) => {
      try {
        db.prepare(sql).all();
        return true;
      } catch {
        return false;
      }
    };
    for (const upgrade of engineSchemaUpgrades('sqlite'))
      if (runs(upgrade.table) && !runs(upgrade.probe)) for (const ddl of upgrade.apply) db.exec(ddl);
    for (const ddl of engineSchema('sqlite')) db.exec(ddl);
  }).immediate();

  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = prepared.get(sql);
    if (!s) {
      s = db.prepare(sql);
      prepared.set(sql, s);
    }
    return s;
  };
  const keys = new KeyGenerator();
  const counter = {
    read: async () =>
      (
        statement('SELECT next_key FROM engine_key_counter WHERE partition_id = 1').get() as
          | { next_key: bigint }
          | undefined
      )?.next_key,
    write: async (next: bigint) => {
      statement(
        `INSERT INTO engine_key_counter (partition_id, next_key) VALUES (1, ?)
         ON CONFLICT (partition_id) DO UPDATE SET next_key = excluded.next_key`,
      ).run(next);
    },
  };
  const tx: StoreTransaction = {
    run: async (sql, params: SqlValue[] = []) => statement(sql).run(...params).changes,
    all: async <T>(sql: string, params: SqlValue[] = []) => statement(sql).all(...params) as T[],
    nextKey: () => keys.next(counter),
  };
  const queue = new GroupCommitQueue(
    'BEGIN IMMEDIATE',
    async (sql) => {
      db.exec(sql);
    },
    tx,
    keys,
  );
  return {
    dialect: 'sqlite',
    transaction: (fn) => queue.run(fn),
    close: async () => {
      await queue.idle();
      db.close();
    },
  };
}
