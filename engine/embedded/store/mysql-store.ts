import mysql from 'mysql2/promise';
import { GroupCommitQueue } from './group-commit.ts';
import { KeyGenerator } from './keys.ts';
import { engineSchema, engineSchemaUpgrades } from './schema.ts';
import type { EngineStorage, EngineStore, SqlValue, StoreTransaction } from './store.ts';

/**
 * The engine's state on MySQL/MariaDB through mysql2 (DESIGN seam 5): one connection for
 * the single command processor; BIGINT keys travel as strings.
 */
export async function openMysqlStore(
  storage: Extract<EngineStorage, { dialect: 'mysql' }>,
): Promise<EngineStore> {
  const connection = await mysql.createConnection({
    host: storage.host,
    port: storage.port,
    user: storage.user,
    password: storage.password,
    database: storage.database,
    supportBigNumbers: true,
    bigNumberStrings: true,
    timezone: 'Z',
  });
  const runs = (sql: string) =>
    connection.query(sql).then(
      () => true,
      () => false,
    );
  for (const upgrade of engineSchemaUpgrades('mysql'))
    if ((await runs(upgrade.table)) && !(await runs(upgrade.probe)))
      for (const ddl of upgrade.apply) await connection.query(ddl);
  for (const ddl of engineSchema('mysql')) await connection.query(ddl);

  const params = (values: SqlValue[]) => values.map((v) => (typeof v === 'bigint' ? v.toString() : v));
  const keys = new KeyGenerator();
  const counter = {
    read: async () => {
      const [rows] = await connection.query<mysql.RowDataPacket[]>(
        'SELECT next_key FROM engine_key_counter WHERE partition_id = 1 FOR UPDATE',
      );
      return rows[0] ? BigInt(rows[0].next_key) : undefined;
    },
    write: async (next: bigint) => {
      await connection.execute(
        `INSERT INTO engine_key_counter (partition_id, next_key) VALUES (1, ?)
         ON DUPLICATE KEY UPDATE next_key = VALUES(next_key)`,
        [next.toString()],
      );
    },
  };
  const tx: StoreTransaction = {
    run: async (sql, values: SqlValue[] = []) => {
      const [result] = await connection.execute<mysql.ResultSetHeader>(sql, params(values));
      return result.affectedRows;
    },
    all: async <T>(sql: string, values: SqlValue[] = []) => {
      const [rows] = await connection.execute<mysql.RowDataPacket[]>(sql, params(values));
      return rows as T[];
    },
    nextKey: () => keys.next(counter),
  };
  const queue = new GroupCommitQueue(
    'START TRANSACTION',
    async (sql) => {
      await connection.query(sql);
    },
    tx,
    keys,
  );
  return {
    dialect: 'mysql',
    transaction: (fn) => queue.run(fn),
    close: async () => {
      await queue.idle();
      await connection.end();
    },
  };
}
