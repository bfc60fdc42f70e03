import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngineStore } from './open.ts';

describe('an engine database made by an earlier version', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('gets the variable_key column, and every existing variable a key of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'engine-upgrade-'));
    dirs.push(dir);
    const path = join(dir, 'engine.sqlite');
    const old = new Database(path);
    old.exec(`CREATE TABLE engine_variables (scope_key INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
      process_instance_key INTEGER NOT NULL, PRIMARY KEY (scope_key, name))`);
    old.exec(`INSERT INTO engine_variables VALUES (2251799813685300, 'caseId', '"C-1"', 2251799813685300),
      (2251799813685300, 'amount', '10', 2251799813685300)`);
    old.close();

    const store = await openEngineStore({ dialect: 'sqlite', path });
    const rows = await store.transaction((tx) =>
      tx.all<{ name: string; variable_key: unknown; value: string }>(
        'SELECT name, variable_key, value FROM engine_variables ORDER BY name',
      ),
    );
    await store.close();
    expect(rows.map((r) => [r.name, r.value])).toEqual([
      ['amount', '10'],
      ['caseId', '"C-1"'],
    ]);
    const keys = rows.map((r) => String(r.variable_key));
    expect(keys.every((key) => /^\d{16}$/.test(key))).toBe(true);
    expect(new Set(keys).size).toBe(2);
  });
});
