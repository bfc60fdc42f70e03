import { QueryTypes, type Sequelize, UniqueConstraintError } from 'sequelize';
import type { Config } from './config.ts';

export type DatabaseMode = 'demo' | 'production';

export class DatabaseModeError extends Error {
  override name = 'DatabaseModeError';
}

/**
 * A database remembers whether it was created in demo mode. Demo data (users with the
 * password "demo") must never reach a production database, and a production database must
 * never be seeded with demo data, so a start in the other mode is refused.
 */
export async function checkDatabaseMode(
  sequelize: Sequelize,
  config: Config,
  now: number,
): Promise<DatabaseMode> {
  const wanted: DatabaseMode = config.demo ? 'demo' : 'production';
  const read = () =>
    sequelize.query<{ value: string }>("SELECT value FROM platform_state WHERE `key` = 'mode'", {
      type: QueryTypes.SELECT,
    });
  let [row] = await read();
  if (!row) {
    try {
      await sequelize.query(
        "INSERT INTO platform_state (`key`, value, updated_at) VALUES ('mode', :wanted, :at)",
        { replacements: { wanted, at: new Date(now) } },
      );
      return wanted;
    } catch (error) {
      // Another process starting at the same moment recorded the mode first: respect it.
      if (!(error instanceof UniqueConstraintError)) throw error;
      [row] = await read();
      if (!row) throw error;
    }
  }
  if (row.value !== wanted) {
    const hint =
      wanted === 'production'
        ? 'it holds demo users and data; give DATABASE_URL a fresh database for production'
        : 'it is a production database; demo data is never seeded into it (set DEMO=false)';
    throw new DatabaseModeError(
      `DEMO: this database was created with DEMO=${row.value === 'demo'} and cannot be used with DEMO=${config.demo}: ${hint}`,
    );
  }
  return wanted;
}
