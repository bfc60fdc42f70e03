import { openMysqlStore } from './mysql-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { EngineStorage, EngineStore } from './store.ts';

export async function openEngineStore(storage: EngineStorage): Promise<EngineStore> {
  const store = await (storage.dialect === 'sqlite'
    ? openSqliteStore(storage.path)
    : openMysqlStore(storage));
  await backfillVariableKeys(store);
  return store;
}

/** Variables written before they had keys get one, once (see engineSchemaUpgrades). */
async function backfillVariableKeys(store: EngineStore): Promise<void> {
  await store.transaction(async (tx) => {
    const rows = await tx.all<{ scope_key: unknown; name: string }>(
      'SELECT scope_key, name FROM engine_variables WHERE variable_key IS NULL',
    );
    for (const row of rows) {
      await tx.run('UPDATE engine_variables SET variable_key = ? WHERE scope_key = ? AND name = ?', [
        await tx.nextKey(),
        String(row.scope_key),
        row.name,
      ]);
    }
  });
}
