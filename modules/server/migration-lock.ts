import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';
import { QueryTypes, type Sequelize } from 'sequelize';
import type { DatabaseTarget } from './database-url.ts';

const LOCK_NAME = 'crm_schema_migrations';
const WAIT_SECONDS = 300;

/**
 * Runs `fn` while holding the database-wide migration lock, so that several processes
 * starting at once apply each migration exactly once: the first migrates, the others wait
 * and then find nothing left to do.
 */
export async function withMigrationLock<T>(
  sequelize: Sequelize,
  target: DatabaseTarget,
  fn: () => Promise<T>,
): Promise<T> {
  return target.dialect === 'mysql' ? withMysqlLock(target, fn) : withSqliteLock(sequelize, fn);
}

/** MySQL's named lock lives as long as its connection: a crashed migrator releases it. */
async function withMysqlLock<T>(
  target: Extract<DatabaseTarget, { dialect: 'mysql' }>,
  fn: () => Promise<T>,
): Promise<T> {
  const connection = await mysql.createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
  });
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT GET_LOCK(?, ?) AS got', [
      LOCK_NAME,
      WAIT_SECONDS,
    ]);
    if (rows[0]?.got !== 1) {
      throw new Error(`Timed out after ${WAIT_SECONDS}s waiting for the migration lock`);
    }
    try {
      return await fn();
    } finally {
      await connection.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    }
  } finally {
    await connection.end();
  }
}

/**
 * SQLite has no named locks: a one-row table is the lock. A SQLite file is local to one
 * host, so a holder whose process no longer exists left the lock behind and it is taken over.
 */
async function withSqliteLock<T>(sequelize: Sequelize, fn: () => Promise<T>): Promise<T> {
  await sequelize.query(
    `CREATE TABLE IF NOT EXISTS migration_lock (
       id INTEGER PRIMARY KEY CHECK (id = 1),
       host TEXT NOT NULL,
       pid INTEGER NOT NULL,
       acquired_at TEXT NOT NULL
     )`,
  );
  const me = { host: hostname(), pid: process.pid };
  const deadline = performance.now() + WAIT_SECONDS * 1000;
  for (;;) {
    const [, inserted] = await sequelize.query(
      `INSERT OR IGNORE INTO migration_lock (id, host, pid, acquired_at)
       VALUES (1, :host, :pid, :at)`,
      { replacements: { ...me, at: new Date().toISOString() }, type: QueryTypes.INSERT },
    );
    if (inserted === 1) break;
    const [holder] = await sequelize.query<{ host: string; pid: number }>(
      'SELECT host, pid FROM migration_lock WHERE id = 1',
      { type: QueryTypes.SELECT },
    );
    if (holder && holder.host === me.host && !processExists(holder.pid)) {
      await sequelize.query('DELETE FROM migration_lock WHERE id = 1 AND pid = :pid', {
        replacements: { pid: holder.pid },
      });
      continue;
    }
    if (performance.now() > deadline) {
      throw new Error(
        `Timed out after ${WAIT_SECONDS}s waiting for the migration lock held by process ${holder?.pid} on ${holder?.host}`,
      );
    }
    await sleep(100);
  }
  try {
    return await fn();
  } finally {
    await sequelize.query('DELETE FROM migration_lock WHERE id = 1 AND pid = :pid', {
      replacements: { pid: me.pid },
    });
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
