import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import type { Sequelize } from 'sequelize';
import {
  ControlledClock,
  createZeebeClient,
  type EmbeddedEngine,
  type EngineStorage,
  type EngineStore,
  startEmbeddedEngine,
  type ZeebeGrpcClient,
} from '../../engine/index.ts';
import { deriveDataKeys } from '../audit/keys.ts';
import { SubjectKeys } from '../audit/subject-keys.ts';
import { AuditTrail } from '../audit/trail.ts';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase } from './database.ts';
import { type DatabaseTarget, describeDatabase } from './database-url.ts';
import { EngineOutbox } from './engine-outbox.ts';
import { createLogger } from './logger.ts';
import { withMigrationLock } from './migration-lock.ts';
import { listMigrations, migrate } from './migrator.ts';
import type { ModuleContext, PlatformModule } from './module.ts';
import { MODULES } from './modules.ts';
import { DeployedForms, deployProcesses, PROCESSES_DIR, replacedShippedModels } from './processes.ts';
import { startWorkers } from './workers.ts';

export interface RunningPlatform {
  /** Base URL of the HTTP server, e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  clock: ControlledClock;
  /** host:port of the Zeebe gateway the platform's clients use. */
  zeebeAddress: string;
  /** The embedded engine's state (ENGINE=embedded only). */
  engineStore?: EngineStore;
  /** Resolves once the embedded engine's due timers have fired (ENGINE=embedded only). */
  engineSettled?: () => Promise<void>;
  sequelize: Sequelize;
  logger: Logger;
  /** What the modules were given: their services' dependencies (tests reach services through it). */
  context: ModuleContext;
  /** Stops accepting requests, lets those in flight finish, then closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  modules?: PlatformModule[];
  /** Host the HTTP server binds to; all interfaces by default. */
  hostname?: string;
  /** Processor lease timing of the embedded engine (tests shorten it). */
  engineLease?: { ttlMs: number };
  /** Deploy the shipped processes of this folder at start (`processes/`); false: none. */
  processes?: string | false;
}

const DRAIN_MS = 10_000;

/** The composition root: database, migrations, modules, HTTP. */
export async function startPlatform(config: Config, options: StartOptions = {}): Promise<RunningPlatform> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const modules = options.modules ?? MODULES;
  const clock = new ControlledClock();
  const sequelize = await openDatabase(config.database);
  let engine: EmbeddedEngine | undefined;
  let zeebe: ZeebeGrpcClient | undefined;
  try {
    const applied = await migrate(sequelize, config.database, listMigrations(modules));
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    if (config.engine.mode === 'embedded') {
      engine = await startEmbeddedEngine({
        clock,
        storage: engineStorage(config.engine.database),
        gateway: {
          host: config.engine.gatewayHost,
          port: config.engine.gatewayPort,
          token: config.engine.gatewayToken,
        },
        onInternalError: (err, method) => logger.error({ err, method }, 'engine command failed'),
        onLeaseLost: () => logger.warn('engine processor lease lost: this process is on standby'),
        ...(options.engineLease ? { lease: options.engineLease } : {}),
      });
      logger.info(
        { address: engine.gatewayAddress, active: engine.active },
        engine.active
          ? 'embedded engine gateway listening'
          : 'embedded engine on standby: another process holds its lease',
      );
    }
    const zeebeAddress = engine?.gatewayAddress ?? config.engine.zeebeAddress;
    zeebe = createZeebeClient({
      address: zeebeAddress,
      token: config.engine.gatewayToken,
      camunda: config.engine.camundaAuth,
    });
    const deployedForms = new DeployedForms();
    const processesDir = options.processes ?? PROCESSES_DIR;
    const shippedProcesses = !!processesDir && (engine?.active ?? true);
    if (shippedProcesses)
      await deployProcesses(
        zeebe,
        deployedForms,
        logger,
        processesDir,
        await replacedShippedModels(sequelize),
      );
    const dataKeys = deriveDataKeys(config.dataKey);
    const subjectKeys = new SubjectKeys(sequelize, dataKeys);
    const context: ModuleContext & { clock: ControlledClock } = {
      config,
      sequelize,
      clock,
      logger,
      zeebe,
      dataKeys,
      subjectKeys,
      audit: new AuditTrail(sequelize, dataKeys, subjectKeys, clock),
      zeebeAddress,
      engineOutbox: new EngineOutbox(sequelize),
      deployedForms,
      shippedProcesses,
      ...(shippedProcesses && processesDir ? { processesDir } : {}),
      engineStore: engine?.store,
      ...(engine ? { engineActive: () => engine?.active ?? false } : {}),
    };
    // Under the migration lock: replicas starting at once seed (configuration, demo data) once.
    await withMigrationLock(sequelize, config.database, async () => {
      for (const module of modules) await module.bootstrap?.(context);
    });

    const app = createApp(context, modules);
    const server = serve({ fetch: app.fetch, port: config.port, hostname: options.hostname }) as Server;
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${options.hostname ?? '127.0.0.1'}:${port}`;
    logger.info(
      {
        port,
        demo: config.demo,
        database: describeDatabase(config.database),
        engine: config.engine.mode,
        clockControlled: config.engine.clockControlled,
      },
      'platform listening',
    );
    const workers = modules.flatMap((module) => module.workers?.(context) ?? []);
    const stopWorkers = startWorkers(zeebe, workers, { sequelize, clock, logger });
    const stops = [
      context.engineOutbox.start(zeebe, logger),
      ...modules.flatMap((module) => (module.start ? [module.start(context)] : [])),
    ];

    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        logger.info('shutting down');
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
          server.close(() => {
            clearTimeout(force);
            resolve();
          });
          server.closeIdleConnections();
        });
        await Promise.all(stops.map((stop) => stop()));
        await stopWorkers();
        await zeebe?.close();
        await engine?.close();
        await sequelize.close();
        logger.info('shutdown complete');
      })();
      return closing;
    };
    return {
      url,
      port,
      clock,
      zeebeAddress,
      engineStore: engine?.store,
      ...(engine ? { engineSettled: () => engine?.settled() ?? Promise.resolve() } : {}),
      sequelize,
      logger,
      context,
      close,
    };
  } catch (error) {
    await zeebe?.close();
    await engine?.close();
    await sequelize.close();
    throw error;
  }
}

function engineStorage(target: DatabaseTarget): EngineStorage {
  if (target.dialect === 'sqlite') return { dialect: 'sqlite', path: target.storage };
  const { host, port, user, password, database } = target;
  return { dialect: 'mysql', host, port, user, password, database };
}
