import { hostname } from 'node:os';
import { QueryTypes } from 'sequelize';
import { afterEach, describe, expect, it } from 'vitest';
import { type Finished, finished, spawnTs } from '../../tests/harness/processes.ts';
import { createTestDatabases, type TestDatabases } from '../../tests/harness/test-database.ts';
import { openDatabase } from './database.ts';
import { type DatabaseTarget, parseDatabaseUrl } from './database-url.ts';
import { listMigrations, migrate } from './migrator.ts';
import { MODULES } from './modules.ts';

const MAIN = 'modules/server/main.ts';

function target(url: string): DatabaseTarget {
  const parsed = parseDatabaseUrl(url);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

describe(`migrations on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let dbs: TestDatabases;
  afterEach(() => dbs.drop());

  it('given two processes migrating at once, applies each migration exactly once', async () => {
    dbs = await createTestDatabases();
    const [a, b] = await Promise.all([
      finished(spawnTs('tests/fixtures/migrate.ts', [dbs.databaseUrl])),
      finished(spawnTs('tests/fixtures/migrate.ts', [dbs.databaseUrl])),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const applied = [JSON.parse(a.stdout), JSON.parse(b.stdout)].sort((x, y) => y.length - x.length);
    expect(applied).toEqual([['race/0001-race-log', 'race/0002-slow-insert'], []]);

    const sequelize = await openDatabase(target(dbs.databaseUrl));
    try {
      const rows = await sequelize.query('SELECT pid FROM race_log', { type: QueryTypes.SELECT });
      expect(rows).toHaveLength(1);
      const lock = await sequelize.query('SELECT * FROM schema_migrations', { type: QueryTypes.SELECT });
      expect(lock).toHaveLength(2);
    } finally {
      await sequelize.close();
    }
  });

  it('given two platforms starting at once on one database, both start and migrate once', async () => {
    dbs = await createTestDatabases();
    const env = {
      DATABASE_URL: dbs.databaseUrl,
      ENGINE_DATABASE_URL: dbs.engineDatabaseUrl,
      PORT: '0',
      ZEEBE_GATEWAY_PORT: '0',
      LOG_LEVEL: 'info',
    };
    const starts = [spawnTs(MAIN, [], env), spawnTs(MAIN, [], env)];
    const results = starts.map((child) => {
      const done = finished(child);
      // Stop each platform as soon as it listens.
      child.stdout?.on('data', (d: Buffer) => {
        if (d.toString().includes('platform listening')) child.kill('SIGTERM');
      });
      return done;
    });
    const [a, b] = (await Promise.all(results)) as [Finished, Finished];
    for (const run of [a, b] as const) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('shutdown complete');
    }
    const migrated = [a, b].filter((run) => run.stdout.includes('migrations applied'));
    expect(migrated).toHaveLength(1);

    const sequelize = await openDatabase(target(dbs.databaseUrl));
    try {
      const names = await sequelize.query<{ name: string }>('SELECT name FROM schema_migrations', {
        type: QueryTypes.SELECT,
      });
      // Each migration once; the table has no order of its own (MariaDB returns it by name).
      expect(names.map((n) => n.name).sort()).toEqual(
        listMigrations(MODULES)
          .map((m) => m.name)
          .sort(),
      );
    } finally {
      await sequelize.close();
    }
  });

  it('given migrations already applied, applies nothing on the next start', async () => {
    dbs = await createTestDatabases();
    const t = target(dbs.databaseUrl);
    const sequelize = await openDatabase(t);
    try {
      expect((await migrate(sequelize, t, listMigrations(MODULES))).length).toBeGreaterThan(0);
      expect(await migrate(sequelize, t, listMigrations(MODULES))).toEqual([]);
    } finally {
      await sequelize.close();
    }
  });

  it.runIf((process.env.TEST_DB ?? 'sqlite') === 'sqlite')(
    'given a lock left behind by a process that died, takes it over',
    async () => {
      dbs = await createTestDatabases();
      const t = target(dbs.databaseUrl);
      const sequelize = await openDatabase(t);
      try {
        await sequelize.query(
          'CREATE TABLE migration_lock (id INTEGER PRIMARY KEY CHECK (id = 1), host TEXT NOT NULL, pid INTEGER NOT NULL, acquired_at TEXT NOT NULL)',
        );
        // A pid far above pid_max belongs to no process.
        await sequelize.query("INSERT INTO migration_lock VALUES (1, :host, 99999999, '2026-01-01')", {
          replacements: { host: hostname() },
        });
        const applied = await migrate(sequelize, t, listMigrations(MODULES));
        expect(applied.length).toBeGreaterThan(0);
        const left = await sequelize.query('SELECT * FROM migration_lock', { type: QueryTypes.SELECT });
        expect(left).toEqual([]);
      } finally {
        await sequelize.close();
      }
    },
  );
});
