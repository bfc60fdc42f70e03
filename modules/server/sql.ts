import mysql from 'mysql2';
import type { Sequelize, Transaction } from 'sequelize';

/**
 * The hot paths' way to the CRM database: the same pool and transactions as sequelize, but
 * each statement straight on the driver. Measured on MariaDB (a one-row SELECT by key):
 * `sequelize.query` ≈ 190 µs, this ≈ 100 µs, the bare driver ≈ 90 µs — sequelize's own
 * pipeline is half the cost of a short query. SQL keeps sequelize's `:name` parameters; an
 * array parameter expands to a list for `IN (:ids)`.
 */
export interface Sql {
  rows<T>(sql: string, params?: Record<string, unknown>, transaction?: Transaction): Promise<T[]>;
  run(
    sql: string,
    params?: Record<string, unknown>,
    transaction?: Transaction,
  ): Promise<{ affected: number }>;
  /**
   * MySQL/MariaDB: a short transaction on one pool connection whose statements all go through
   * this layer (its handle serves only `rows` and `run`); SQLite: sequelize's transaction, which
   * this process serialises (database.ts).
   */
  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T>;
}

interface Compiled {
  /** The text between parameters; `parts.length === names.length + 1`. */
  parts: string[];
  names: string[];
}

const compiled = new Map<string, Compiled>();

/** Splits `:name` parameters out of a statement, skipping quoted strings. */
export function compile(sql: string): Compiled {
  const cached = compiled.get(sql);
  if (cached) return cached;
  const parts: string[] = [];
  const names: string[] = [];
  let current = '';
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i] as string;
    if (ch === "'") {
      const end = sql.indexOf("'", i + 1);
      current += sql.slice(i, end + 1);
      i = end;
      continue;
    }
    const name = ch === ':' && sql[i - 1] !== ':' ? /^[A-Za-z_]\w*/.exec(sql.slice(i + 1))?.[0] : undefined;
    if (name) {
      parts.push(current);
      names.push(name);
      current = '';
      i += name.length;
      continue;
    }
    current += ch;
  }
  parts.push(current);
  const result = { parts, names };
  compiled.set(sql, result);
  return result;
}

/** The positional text and values for these parameters. */
export function bind(sql: string, params: Record<string, unknown>): { text: string; values: unknown[] } {
  const { parts, names } = compile(sql);
  let text = parts[0] as string;
  const values: unknown[] = [];
  names.forEach((name, i) => {
    if (!(name in params)) throw new Error(`SQL parameter :${name} has no value`);
    const value = params[name];
    if (Array.isArray(value)) {
      text += value.length ? value.map(() => '?').join(', ') : 'NULL';
      values.push(...value);
    } else {
      text += '?';
      values.push(typeof value === 'boolean' ? Number(value) : value === undefined ? null : value);
    }
    text += parts[i + 1];
  });
  return { text, values };
}

interface MysqlConnection {
  query(sql: string, values: unknown[], done: (error: Error | null, result: unknown) => void): void;
}
interface SqliteConnection {
  all(sql: string, values: unknown[], done: (error: Error | null, rows: unknown[]) => void): void;
  run(sql: string, values: unknown[], done: (this: { changes: number }, error: Error | null) => void): void;
}
interface ConnectionManager {
  getConnection(options: object): Promise<unknown>;
  releaseConnection(connection: unknown): void;
}

const instances = new WeakMap<Sequelize, Sql>();

/** What a benchmark learns of each statement this layer ran: its text, values and time. */
export type SqlObserver = (text: string, values: unknown[], ms: number) => void;
const observers = new WeakMap<Sequelize, SqlObserver>();

/**
 * Reports every statement of `sequelize`'s fast path to `observer` once it is answered (or
 * stops reporting, without one). For benchmarks: formatting a statement for a log costs more
 * than some statements take, so the observer gets the values unformatted.
 */
export function observeSql(sequelize: Sequelize, observer: SqlObserver | undefined): void {
  if (observer) observers.set(sequelize, observer);
  else observers.delete(sequelize);
}

export function sqlOf(sequelize: Sequelize): Sql {
  const existing = instances.get(sequelize);
  if (existing) return existing;
  const manager = sequelize.connectionManager as unknown as ConnectionManager;
  const sqlite = sequelize.getDialect() === 'sqlite';
  /** Debugging reads the statements through sequelize's logging option; benchmarks observe them. */
  const observed = <T>(text: string, values: unknown[], running: Promise<T>): Promise<T> => {
    const observer = observers.get(sequelize);
    if (!observer) {
      const logging = (sequelize as unknown as { options: { logging: unknown } }).options.logging;
      if (typeof logging === 'function') logging(`Executing (sql): ${mysql.format(text, values as never)}`);
      return running;
    }
    const started = performance.now();
    return running.finally(() => observer(text, values, performance.now() - started));
  };
  const withConnection = async <T>(
    transaction: Transaction | undefined,
    work: (connection: unknown) => Promise<T>,
  ) => {
    const held = (transaction as unknown as { connection?: unknown } | undefined)?.connection;
    if (held) return work(held);
    const connection = await manager.getConnection({ type: 'read' });
    try {
      return await work(connection);
    } finally {
      manager.releaseConnection(connection);
    }
  };
  const execute = (
    sql: string,
    params: Record<string, unknown>,
    transaction: Transaction | undefined,
    write: boolean,
  ) => {
    const { text, values } = bind(sql, params);
    return withConnection(transaction, (connection) =>
      observed(
        text,
        values,
        new Promise<{ rows: unknown[]; affected: number }>((resolve, reject) => {
          if (sqlite) {
            const db = connection as SqliteConnection;
            if (write)
              db.run(text, values, function (error) {
                if (error) reject(error);
                else resolve({ rows: [], affected: this.changes });
              });
            else
              db.all(text, values, (error, rows) => (error ? reject(error) : resolve({ rows, affected: 0 })));
            return;
          }
          (connection as MysqlConnection).query(text, values, (error, result) => {
            if (error) reject(error);
            else if (Array.isArray(result)) resolve({ rows: result, affected: 0 });
            else resolve({ rows: [], affected: (result as { affectedRows: number }).affectedRows });
          });
        }),
      ),
    );
  };
  const direct = (connection: unknown, statement: string) =>
    observed(
      statement,
      [],
      new Promise<void>((resolve, reject) => {
        (connection as MysqlConnection).query(statement, [], (error) => (error ? reject(error) : resolve()));
      }),
    );
  const sql: Sql = {
    transaction: async <T>(work: (transaction: Transaction) => Promise<T>): Promise<T> => {
      if (sqlite) return sequelize.transaction(work);
      const connection = await manager.getConnection({ type: 'write' });
      try {
        await direct(connection, 'START TRANSACTION');
        try {
          const result = await work({ connection } as unknown as Transaction);
          await direct(connection, 'COMMIT');
          return result;
        } catch (error) {
          await direct(connection, 'ROLLBACK');
          throw error;
        }
      } finally {
        manager.releaseConnection(connection);
      }
    },
    rows: async <T>(statement: string, params: Record<string, unknown> = {}, transaction?: Transaction) =>
      (await execute(statement, params, transaction, false)).rows as T[],
    run: async (statement: string, params: Record<string, unknown> = {}, transaction?: Transaction) => ({
      affected: (await execute(statement, params, transaction, true)).affected,
    }),
  };
  instances.set(sequelize, sql);
  return sql;
}
