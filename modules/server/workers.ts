import type { Logger } from 'pino';
import { QueryTypes, type Sequelize, type Transaction, UniqueConstraintError } from 'sequelize';
import { z } from 'zod';
import { BpmnError, type Clock, type WorkerDefinition, type ZeebeGrpcClient } from '../../engine/index.ts';

/** What every handler receives: the transaction its writes join (see WorkerDefinition). */
export interface WorkerContext {
  transaction: Transaction;
}

export type PlatformWorker = WorkerDefinition<z.ZodType, WorkerContext>;

/** How long a failed job waits before its next attempt (the engine's clock). */
const RETRY_BACKOFF_MS = 10_000;
const LONG_POLL_MS = 20_000;

interface SdkJob {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  retries: number;
  variables: Record<string, unknown>;
  customHeaders: Record<string, string>;
  complete(variables?: Record<string, unknown>): Promise<unknown>;
  fail(failure: { errorMessage: string; retries: number; retryBackOff: number }): Promise<unknown>;
  error(error: {
    errorCode: string;
    errorMessage: string;
    variables: Record<string, unknown>;
  }): Promise<unknown>;
}

/**
 * Runs the modules' workers on the platform's Zeebe client: variables checked against each
 * worker's schema (a misfit is an incident naming the field, not a crash), the handler's writes
 * and the record of the handled job in one transaction, a job delivered again completed with
 * the recorded result, BpmnError thrown as a BPMN error, anything else failed and retried.
 */
export function startWorkers(
  zeebe: ZeebeGrpcClient,
  definitions: PlatformWorker[],
  deps: { sequelize: Sequelize; clock: Clock; logger: Logger },
): () => Promise<void> {
  const workers = definitions.map((definition) =>
    zeebe.createWorker({
      taskType: definition.type,
      timeout: definition.timeoutMs ?? 60_000,
      maxJobsToActivate: definition.maxJobsToActivate ?? 32,
      longPoll: LONG_POLL_MS,
      loglevel: 'NONE',
      ...(definition.variables instanceof z.ZodObject
        ? { fetchVariable: Object.keys(definition.variables.shape) as never[] }
        : {}),
      taskHandler: (job) => handle(definition, job as unknown as SdkJob, deps) as never,
    }),
  );
  return async () => {
    await Promise.all(workers.map((worker) => worker.close(5_000)));
  };
}

async function handle(
  definition: PlatformWorker,
  job: SdkJob,
  deps: { sequelize: Sequelize; clock: Clock; logger: Logger },
): Promise<unknown> {
  const { sequelize, clock, logger } = deps;
  const parsed = definition.variables.safeParse(job.variables);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(variables)'}: ${i.message}`)
      .join('; ');
    return job.fail({
      errorMessage: `${definition.type} at ${job.elementId}: the job's variables do not fit: ${problems}`,
      retries: 0,
      retryBackOff: 0,
    });
  }
  const [handled] = await sequelize.query<{ result: string }>(
    'SELECT result FROM worker_jobs WHERE job_key = :key',
    {
      replacements: { key: job.key },
      type: QueryTypes.SELECT,
    },
  );
  if (handled) return job.complete(JSON.parse(handled.result));
  try {
    const result = await sequelize.transaction(async (transaction) => {
      const output =
        (await definition.handle(
          {
            key: job.key,
            type: job.type,
            processInstanceKey: job.processInstanceKey,
            bpmnProcessId: job.bpmnProcessId,
            elementId: job.elementId,
            retries: job.retries,
            variables: parsed.data,
            customHeaders: job.customHeaders,
          },
          { transaction },
        )) ?? {};
      await sequelize.query(
        'INSERT INTO worker_jobs (job_key, type, result, handled_at) VALUES (:key, :type, :result, :now)',
        {
          replacements: { key: job.key, type: job.type, result: JSON.stringify(output), now: clock.now() },
          transaction,
        },
      );
      return output;
    });
    return job.complete(result);
  } catch (error) {
    if (error instanceof BpmnError)
      return job.error({ errorCode: error.code, errorMessage: error.message, variables: error.variables });
    if (error instanceof UniqueConstraintError) {
      // Another replica handled the same job at the same moment: complete with its result.
      const [row] = await sequelize.query<{ result: string }>(
        'SELECT result FROM worker_jobs WHERE job_key = :key',
        {
          replacements: { key: job.key },
          type: QueryTypes.SELECT,
        },
      );
      if (row) return job.complete(JSON.parse(row.result));
    }
    const message = error instanceof Error ? error.message : String(error);
    logger.warn({ err: error, jobKey: job.key, type: job.type }, 'job failed');
    return job.fail({
      errorMessage: `${definition.type}: ${message}`,
      retries: Math.max(0, job.retries - 1),
      retryBackOff: RETRY_BACKOFF_MS,
    });
  }
}
