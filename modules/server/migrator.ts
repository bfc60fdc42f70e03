import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { QueryInterface, Sequelize } from 'sequelize';
import { type RunnableMigration, SequelizeStorage, Umzug } from 'umzug';
import type { DatabaseTarget } from './database-url.ts';
import { withMigrationLock } from './migration-lock.ts';

export interface MigrationSource {
  /** The module that owns the migrations; their names are `<module>/<file>`. */
  name: string;
  migrations?: URL;
}

interface MigrationFile {
  up(context: { context: QueryInterface }): Promise<void>;
  down?(context: { context: QueryInterface }): Promise<void>;
}

const MIGRATION_FILE = /^\d{4}-[a-z0-9-]+\.ts$/;

/** Every module's migrations, in module order, then file order. */
export function listMigrations(sources: MigrationSource[]): RunnableMigration<QueryInterface>[] {
  return sources.flatMap(({ name, migrations }) => {
    if (!migrations) return [];
    const folder = fileURLToPath(migrations);
    return readdirSync(folder)
      .filter((file) => MIGRATION_FILE.test(file))
      .sort()
      .map((file) => {
        const load = async (): Promise<MigrationFile> => import(new URL(file, migrations).href);
        return {
          name: `${name}/${file.replace(/\.ts$/, '')}`,
          path: `${folder}/${file}`,
          up: async (params) => (await load()).up(params),
          down: async (params) => {
            const migration = await load();
            if (!migration.down) throw new Error(`${name}/${file} cannot be undone`);
            await migration.down(params);
          },
        };
      });
  });
}

/**
 * Applies every pending migration under the migration lock and returns the names applied
 * (empty when another process had already applied them).
 */
export async function migrate(
  sequelize: Sequelize,
  target: DatabaseTarget,
  migrations: RunnableMigration<QueryInterface>[],
): Promise<string[]> {
  const umzug = new Umzug({
    migrations,
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
  return withMigrationLock(sequelize, target, async () => {
    const applied = await umzug.up();
    return applied.map((m) => m.name);
  });
}
