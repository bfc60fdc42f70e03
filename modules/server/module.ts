import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Sequelize } from 'sequelize';
import type { Clock, EngineStore, ZeebeGrpcClient } from '../../engine/index.ts';
import type { DataKeys } from '../audit/keys.ts';
import type { SubjectKeys } from '../audit/subject-keys.ts';
import type { AuditTrail } from '../audit/trail.ts';
import type { Config } from './config.ts';
import type { EngineOutbox } from './engine-outbox.ts';
import type { DeployedForms } from './processes.ts';
import type { PlatformWorker } from './workers.ts';

/** What every module receives from the composition root. */
export interface ModuleContext {
  config: Config;
  sequelize: Sequelize;
  clock: Clock;
  logger: Logger;
  /** The audit trail (modules/audit): every view of customer data and every change. */
  audit: AuditTrail;
  /** The keys derived from DATA_KEY, and each data subject's own key (modules/audit). */
  dataKeys: DataKeys;
  subjectKeys: SubjectKeys;
  /** host:port of the Zeebe gateway (the embedded engine's, or the cluster's). */
  zeebeAddress: string;
  /** The platform's one Zeebe client (DESIGN principle 1), on either engine. */
  zeebe: ZeebeGrpcClient;
  /** Commands for the engine written in a module's transaction, sent after commit (seam 7). */
  engineOutbox: EngineOutbox;
  /**
   * Whether the shipped processes of `processes/` were deployed at this start: modules seed
   * demo work that runs through them (live cases, campaigns, applications) only then.
   */
  shippedProcesses: boolean;
  /** The folder deployed at this start when `shippedProcesses` (processes/, or a test's own). */
  processesDir?: string;
  /** The forms of the shipped processes as deployed (the task list's lookup in Zeebe mode). */
  deployedForms: DeployedForms;
  /** The embedded engine's state (ENGINE=embedded only), read by the /v2 read API. */
  engineStore?: EngineStore;
  /** Whether this process applies the embedded engine's commands (false: standby, seam 5). */
  engineActive?: () => boolean;
}

/**
 * A module as the server composes it: its schema migrations (a folder of files named
 * `NNNN-what.ts`, each exporting `up` and `down`), its routes, and what it seeds.
 */
export interface PlatformModule {
  name: string;
  migrations?: URL;
  routes?(app: OpenAPIHono, context: ModuleContext): void;
  /** Runs at every start after migrations; demo data only when `config.demo` is true. */
  bootstrap?(context: ModuleContext): Promise<void>;
  /** The module's job workers, run by the platform on its Zeebe client (workers.ts). */
  workers?(context: ModuleContext): PlatformWorker[];
  /**
   * Background work (dispatchers, renewals) started once the platform listens; returns how
   * to stop it, which the platform awaits on shutdown before closing the database.
   */
  start?(context: ModuleContext): () => Promise<void>;
}
