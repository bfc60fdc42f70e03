import type { Sequelize } from 'sequelize';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './database.ts';
import { listMigrations, migrate } from './migrator.ts';
import { MODULES } from './modules.ts';

/** A command-line argument that does not fit: exit code 64 with the message. */
export class UsageError extends Error {}

/**
 * A command that works on DATABASE_URL (`npm run seed`, `npm run seed:reports`): its options
 * parsed, the configuration loaded, the database opened and migrated, `work` run, the database
 * closed. Exit codes: 64 bad arguments, 78 bad configuration, else what `work` answers.
 */
export async function runDatabaseCommand<T>(
  argv: string[],
  parse: (argv: string[]) => T,
  work: (options: T, database: { sequelize: Sequelize; config: Config }) => Promise<number>,
): Promise<number> {
  let options: T;
  let config: Config;
  try {
    options = parse(argv);
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return error instanceof UsageError ? 64 : 78;
    }
    throw error;
  }
  const sequelize = await openDatabase(config.database);
  try {
    await migrate(sequelize, config.database, listMigrations(MODULES));
    return await work(options, { sequelize, config });
  } finally {
    await sequelize.close();
  }
}
