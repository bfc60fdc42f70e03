import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';

/** Which database the storage suites run on: `TEST_DB=mariadb` selects MariaDB. */
export type TestDatabaseKind = 'sqlite' | 'mariadb';

export function testDatabaseKind(): TestDatabaseKind {
  const kind = process.env.TEST_DB ?? 'sqlite';
  if (kind !== 'sqlite' && kind !== 'mariadb') {
    throw new Error(`TEST_DB: expected sqlite or mariadb, got '${kind}'`);
  }
  return kind;
}

/** The MariaDB server the tests create their databases on. */
export function testMysqlServer(): URL {
  return new URL(process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test');
}

export interface TestDatabases {
  kind: TestDatabaseKind;
  /** DATABASE_URL for the CRM data. */
  databaseUrl: string;
  /** ENGINE_DATABASE_URL for the embedded engine. */
  engineDatabaseUrl: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty pair of databases for one test: two files in a temporary folder, or two
 * new MariaDB databases with random names, removed by `drop()`.
 */
export async function createTestDatabases(
  kind: TestDatabaseKind = testDatabaseKind(),
): Promise<TestDatabases> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bpm-crm-test-'));
    return {
      kind,
      databaseUrl: `sqlite:${join(dir, 'crm.sqlite')}`,
      engineDatabaseUrl: `sqlite:${join(dir, 'engine.sqlite')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const server = testMysqlServer();
  const suffix = randomBytes(6).toString('hex');
  const names = [`t_crm_${suffix}`, `t_engine_${suffix}`];
  const admin = await adminConnection(server);
  try {
    for (const name of names) await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  } finally {
    await admin.end();
  }
  const url = (name: string) => {
    const u = new URL(server.href);
    u.pathname = `/${name}`;
    return u.href;
  };
  return {
    kind,
    databaseUrl: url(names[0] as string),
    engineDatabaseUrl: url(names[1] as string),
    drop: async () => {
      const conn = await adminConnection(server);
      try {
        for (const name of names) await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}

function adminConnection(server: URL) {
  return mysql.createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || 'root'),
    password: decodeURIComponent(server.password),
  });
}
