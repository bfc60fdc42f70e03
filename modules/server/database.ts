import { Sequelize, Transaction } from 'sequelize';
import type { DatabaseTarget } from './database-url.ts';

/** How long a SQLite connection waits for another writer before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens the CRM database with sequelize: SQLite in WAL mode with a busy timeout on every
 * connection, or MySQL/MariaDB through mysql2 in UTC.
 */
export async function openDatabase(target: DatabaseTarget): Promise<Sequelize> {
  const sequelize =
    target.dialect === 'sqlite'
      ? new Sequelize({
          dialect: 'sqlite',
          storage: target.storage,
          logging: false,
          // A deferred transaction that later writes can fail at once with SQLITE_BUSY
          // (the busy handler is not consulted on a lock upgrade); IMMEDIATE waits instead.
          transactionType: Transaction.TYPES.IMMEDIATE,
        })
      : new Sequelize({
          dialect: 'mysql',
          host: target.host,
          port: target.port,
          username: target.user,
          password: target.password,
          database: target.database,
          logging: false,
          timezone: '+00:00',
          pool: { max: 10, min: 0, idle: 10_000 },
          dialectOptions: { supportBigNumbers: true, bigNumberStrings: true },
        });
  if (target.dialect === 'sqlite') {
    configureSqliteConnections(sequelize);
    serialiseTransactions(sequelize);
  }
  await sequelize.authenticate();
  if (target.dialect === 'sqlite' && target.storage !== ':memory:') {
    await sequelize.query('PRAGMA journal_mode=WAL');
    await sequelize.query('PRAGMA synchronous=NORMAL');
  }
  return sequelize;
}

/**
 * SQLite has one writer at a time, and node's sqlite3 waits for a lock on one of libuv's four
 * threads: five transactions waiting at once would leave none free for the one holding the
 * lock, and all would stall until the busy timeout. So this process runs its (managed)
 * transactions one after another; other processes still wait on the busy timeout.
 */
function serialiseTransactions(sequelize: Sequelize): void {
  const original = sequelize.transaction.bind(sequelize) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  sequelize.transaction = ((...args: unknown[]) => {
    if (typeof args.at(-1) !== 'function') return original(...args);
    const run = () => original(...args);
    const result = tail.then(run, run);
    tail = result.catch(() => undefined);
    return result;
  }) as typeof sequelize.transaction;
}

interface SqliteConnection {
  configure(option: 'busyTimeout', value: number): void;
}

/**
 * Sequelize's SQLite dialect opens one connection per transaction and offers no hook for
 * it, so every new connection is given the busy timeout on its way out of the manager.
 */
function configureSqliteConnections(sequelize: Sequelize): void {
  const manager = sequelize.connectionManager as unknown as {
    getConnection(options?: unknown): Promise<SqliteConnection>;
  };
  const open = manager.getConnection.bind(manager);
  const configured = new WeakSet<SqliteConnection>();
  manager.getConnection = async (options) => {
    const connection = await open(options);
    if (!configured.has(connection)) {
      connection.configure('busyTimeout', SQLITE_BUSY_TIMEOUT_MS);
      configured.add(connection);
    }
    return connection;
  };
}
