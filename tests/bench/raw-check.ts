import Database from 'better-sqlite3';
import { createPlatform } from '../harness/create-platform.ts';
import { type Command, RawScript } from './raw-commands.ts';
import { completion, JOB_TYPES, PROCESS_ID, referenceBpmn, startVariables } from './reference-process.ts';

export interface ReplayCheck {
  matches: boolean;
  engineStatements: number;
  replayStatements: number;
  /** The first transaction whose statements differ, side by side. */
  difference?: string;
}

type Tx = string[];
type Prepare = (this: Database.Database, sql: string) => Database.Statement;
type Exec = (this: Database.Database, sql: string) => Database.Database;

const normalize = (sql: string) =>
  sql
    .replace(/\s+/g, ' ')
    .replace(/LIMIT \d+/, 'LIMIT n')
    .trim();
/** Key blocks fall differently in a fresh replay; lease renewals are not per instance. */
const counted = (sql: string) => !/engine_key_counter|engine_lease/.test(sql);

/**
 * Records every statement the engine runs on its SQLite file for one instance (the second: the
 * first compiles the definition) driven step by step through the SDK (better-sqlite3 is the engine's driver only: sequelize uses sqlite3),
 * and compares them, transaction by transaction, with the raw replay's script. Keeps the
 * hand-written replay honest while the engine changes.
 */
export async function checkReplayAgainstEngine(): Promise<ReplayCheck> {
  const proto = Database.prototype as unknown as { prepare: Prepare; exec: Exec };
  const { prepare, exec } = proto;
  const recorded: Tx[] = [];
  let current: Tx | undefined;
  const isEngine = (db: Database.Database) => db.name.endsWith('engine.sqlite');
  proto.exec = function recordExec(sql) {
    if (isEngine(this) && sql.startsWith('BEGIN')) current = [];
    if (isEngine(this) && (sql === 'COMMIT' || sql === 'ROLLBACK') && current) {
      if (sql === 'COMMIT') recorded.push(current);
      current = undefined;
    }
    return exec.call(this, sql);
  };
  proto.prepare = function recordPrepare(sql) {
    const statement = prepare.call(this, sql);
    if (!isEngine(this)) return statement;
    for (const method of ['run', 'all', 'get'] as const) {
      const original = statement[method] as (...args: unknown[]) => unknown;
      Object.assign(statement, {
        [method]: (...args: unknown[]) => {
          current?.push(sql);
          return original.apply(statement, args);
        },
      });
    }
    return statement;
  };
  const platform = await createPlatform({ database: 'sqlite' });
  try {
    const { zeebe } = platform;
    await zeebe.deployResources([{ name: `${PROCESS_ID}.bpmn`, process: Buffer.from(referenceBpmn) }]);
    const drive = async (i: number) => {
      await zeebe.createProcessInstance({ bpmnProcessId: PROCESS_ID, variables: startVariables(i) });
      for (const type of JOB_TYPES) {
        const [job] = await zeebe.activateJobs({
          type,
          worker: 'replay-check',
          maxJobsToActivate: 1,
          timeout: 60_000,
          requestTimeout: -1,
        });
        if (!job) throw new Error(`replay check: no ${type} job`);
        await zeebe.completeJob({ jobKey: job.key, variables: completion(type, startVariables(i).amount) });
      }
    };
    // The first instance also compiles the definition into the engine's cache.
    await drive(0);
    const first = recorded.length;
    await drive(1);
    const engine = recorded
      .slice(first)
      .map((tx) => tx.filter(counted).map(normalize))
      .filter((tx) => tx.length > 0);
    const replay = new RawScript('sqlite', '0').group(1, 1).map((c: Command) =>
      c
        .map((s) => s.sql)
        .filter(counted)
        .map(normalize),
    );
    const total = (txs: Tx[]) => txs.reduce((n, tx) => n + tx.length, 0);
    const at = engine.findIndex((tx, i) => tx.join('\n') !== replay[i]?.join('\n'));
    const differs = at >= 0 || engine.length !== replay.length;
    return {
      matches: !differs,
      engineStatements: total(engine),
      replayStatements: total(replay),
      ...(differs
        ? {
            difference: `transaction ${at}:\n  engine: ${engine[at]?.join('\n          ')}\n  replay: ${replay[at]?.join('\n          ')}`,
          }
        : {}),
    };
  } finally {
    proto.prepare = prepare;
    proto.exec = exec;
    await platform.close();
  }
}
