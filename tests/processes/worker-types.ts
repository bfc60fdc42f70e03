import { Sequelize } from 'sequelize';
import { z } from 'zod';
import { ControlledClock, createZeebeClient } from '../../engine/index.ts';
import { deriveDataKeys } from '../../modules/audit/keys.ts';
import { SubjectKeys } from '../../modules/audit/subject-keys.ts';
import { AuditTrail } from '../../modules/audit/trail.ts';
import { loadConfig } from '../../modules/server/config.ts';
import { EngineOutbox } from '../../modules/server/engine-outbox.ts';
import { createLogger } from '../../modules/server/logger.ts';
import type { ModuleContext, PlatformModule } from '../../modules/server/module.ts';
import { DeployedForms } from '../../modules/server/processes.ts';

/** A job type, the module whose `workers(context)` registers it, and the variables it reads. */
export interface RegisteredWorker {
  type: string;
  module: string;
  /** The worker's variables by name (absent when its schema is not a plain object). */
  variables?: { name: string; required: boolean }[];
}

function variablesOf(schema: z.ZodType): RegisteredWorker['variables'] {
  if (!(schema instanceof z.ZodObject)) return undefined;
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => ({
    name,
    // Optional, nullish or defaulted fields accept a job without the variable.
    required: !field.safeParse(undefined).success,
  }));
}

/**
 * The workers the platform registers, read from the modules themselves (`workers(context)` of
 * every module in MODULES), so the list can never drift from what runs. The context is real
 * but opened nowhere: an in-memory SQLite handle that is never queried and a Zeebe client
 * that is closed before it sends anything; building workers must not touch either (a module
 * that queries at construction fails here, naming itself).
 */
export async function registeredWorkers(modules?: readonly PlatformModule[]): Promise<RegisteredWorker[]> {
  // Imported here, not above: a module that does not load fails the worker checks, naming
  // the cause, while the checks of the models themselves still run.
  const all = modules ?? (await import('../../modules/server/modules.ts')).MODULES;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false });
  const zeebe = createZeebeClient({ address: '127.0.0.1:1' });
  const clock = new ControlledClock();
  const dataKeys = deriveDataKeys(config.dataKey);
  const subjectKeys = new SubjectKeys(sequelize, dataKeys);
  const context: ModuleContext = {
    config,
    sequelize,
    clock,
    logger: createLogger('silent'),
    audit: new AuditTrail(sequelize, dataKeys, subjectKeys, clock),
    dataKeys,
    subjectKeys,
    zeebeAddress: '127.0.0.1:1',
    zeebe,
    engineOutbox: new EngineOutbox(sequelize),
    shippedProcesses: false,
    deployedForms: new DeployedForms(),
  };
  try {
    return all.flatMap((module) => {
      try {
        return (module.workers?.(context) ?? []).map(({ type, variables }) => {
          const fields = variablesOf(variables);
          return { type, module: module.name, ...(fields ? { variables: fields } : {}) };
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `module '${module.name}': workers(context) failed while building its workers: ${reason}`,
        );
      }
    });
  } finally {
    await zeebe.close();
    await sequelize.close();
  }
}
