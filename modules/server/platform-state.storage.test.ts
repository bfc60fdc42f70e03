import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabases, type TestDatabases } from '../../tests/harness/test-database.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './database.ts';
import { listMigrations, migrate } from './migrator.ts';
import { MODULES } from './modules.ts';
import { startPlatform } from './platform.ts';
import { checkDatabaseMode, DatabaseModeError } from './platform-state.ts';

const PRODUCTION = {
  DEMO: 'false',
  ADMIN_PASSWORD: 'a-long-admin-password',
  TOKEN_SECRET: 's'.repeat(40),
  DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
};

describe('a database remembers the mode it was created in', () => {
  let dbs: TestDatabases;
  afterEach(() => dbs.drop());

  async function start(env: Record<string, string>) {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      ZEEBE_GATEWAY_PORT: '0',
      DATABASE_URL: dbs.databaseUrl,
      ...env,
    });
    const platform = await startPlatform(config, { hostname: '127.0.0.1' });
    await platform.close();
  }

  it('given a demo database, refuses to start it with DEMO=false', async () => {
    dbs = await createTestDatabases();
    await start({});
    await expect(start(PRODUCTION)).rejects.toThrow(DatabaseModeError);
    await expect(start(PRODUCTION)).rejects.toThrow(/^DEMO: this database was created with DEMO=true/);
    await start({}); // and demo mode still starts
  });

  it('given several starts recording the mode at the same moment, all of them succeed', async () => {
    dbs = await createTestDatabases();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: dbs.databaseUrl });
    const sequelize = await openDatabase(config.database);
    try {
      await migrate(sequelize, config.database, listMigrations(MODULES));
      const modes = await Promise.all(
        Array.from({ length: 5 }, () => checkDatabaseMode(sequelize, config, 0)),
      );
      expect(modes).toEqual(['demo', 'demo', 'demo', 'demo', 'demo']);
    } finally {
      await sequelize.close();
    }
  });

  it('given a production database, refuses to seed it in demo mode', async () => {
    dbs = await createTestDatabases();
    await start(PRODUCTION);
    await expect(start({})).rejects.toThrow(/production database; demo data is never seeded/);
    await start(PRODUCTION);
  });
});
