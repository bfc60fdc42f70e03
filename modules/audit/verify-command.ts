// `npm run audit:verify`: recomputes the audit chain of DATABASE_URL with DATA_KEY and exits
// 0 when it is intact, 1 when an entry was altered or removed (printing where), 78 on bad
// configuration. Run it from a scheduler and keep its output: the head it prints is the
// anchor that shows, at the next run, that no entries were cut from the end.
import { ControlledClock } from '../../engine/index.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/database.ts';
import { deriveDataKeys } from './keys.ts';
import { SubjectKeys } from './subject-keys.ts';
import { AuditTrail } from './trail.ts';

try {
  const config = loadConfig(process.env);
  const sequelize = await openDatabase(config.database);
  try {
    const keys = deriveDataKeys(config.dataKey);
    const trail = new AuditTrail(sequelize, keys, new SubjectKeys(sequelize, keys), new ControlledClock());
    const result = await trail.verify();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.stdout.write(
      result.valid
        ? `audit chain intact: ${result.checked} entries, head ${result.head.seq} ${result.head.hash}\n`
        : `audit chain BROKEN at entry ${result.broken?.seq}: ${result.broken?.detail}\n`,
    );
    process.exitCode = result.valid ? 0 : 1;
  } finally {
    await sequelize.close();
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 78;
}
