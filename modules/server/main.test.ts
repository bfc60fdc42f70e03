import { afterEach, describe, expect, it } from 'vitest';
import { finished, spawnTs, waitForLine } from '../../tests/harness/processes.ts';
import { createTestDatabases, type TestDatabases } from '../../tests/harness/test-database.ts';

const MAIN = 'modules/server/main.ts';

describe('npm start (modules/server/main.ts)', () => {
  let dbs: TestDatabases | undefined;
  afterEach(async () => {
    await dbs?.drop();
    dbs = undefined;
  });

  it('given a wrong value, stops before starting with a message naming the variable', async () => {
    const run = await finished(spawnTs(MAIN, [], { PORT: 'eighty', ENGINE: 'camunda7' }));
    expect(run.code).toBe(78);
    expect(run.stderr).toContain("PORT: expected a whole number from 0 to 65535, got 'eighty'");
    expect(run.stderr).toContain("ENGINE: expected one of embedded, zeebe, got 'camunda7'");
  });

  it('given DEMO=false without ADMIN_PASSWORD and TOKEN_SECRET, refuses to start naming both', async () => {
    const run = await finished(spawnTs(MAIN, [], { DEMO: 'false' }));
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('ADMIN_PASSWORD: is required when DEMO=false');
    expect(run.stderr).toContain('TOKEN_SECRET: is required when DEMO=false');
  });

  it('given SIGTERM, finishes and exits 0 after closing the database', async () => {
    dbs = await createTestDatabases('sqlite');
    const child = spawnTs(MAIN, [], {
      DATABASE_URL: dbs.databaseUrl,
      ENGINE_DATABASE_URL: dbs.engineDatabaseUrl,
      PORT: '0',
      ZEEBE_GATEWAY_PORT: '0',
      LOG_LEVEL: 'info',
    });
    const done = finished(child);
    const line = await waitForLine(child, /platform listening/);
    const { port } = JSON.parse(line) as { port: number };
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"signal"');
    expect(run.stdout).toContain('shutdown complete');
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  });
});
