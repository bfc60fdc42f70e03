import { openMysqlStore } from './mysql-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { EngineStorage, EngineStore } from './store.ts';

export async function openEngineStore(storage: EngineStorage): Promise<EngineStore> {
  return storage.dialect === 'sqlite' ? openSqliteStore(storage.path) : openMysqlStore(storage);
}
