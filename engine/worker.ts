import type { z } from 'zod';

/** A job as a worker's handler sees it: variables already checked against the worker's schema. */
export interface WorkerJob<Variables> {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  retries: number;
  variables: Variables;
  customHeaders: Record<string, string>;
}

/**
 * The worker contract (DESIGN layout: engine/worker.ts): a job type, the schema of the
 * variables it reads (only those are fetched; a job whose variables do not fit fails with an
 * incident naming the field), and a handler that returns the variables to complete the job
 * with. `Context` is what the platform hands every handler (the CRM transaction the handler's
 * writes join, so a job's effects and the record that it was handled commit together).
 */
export interface WorkerDefinition<Schema extends z.ZodType = z.ZodType, Context = unknown> {
  type: string;
  variables: Schema;
  /** How long a job stays locked to this worker (default 60 s). */
  timeoutMs?: number;
  maxJobsToActivate?: number;
  handle(job: WorkerJob<z.infer<Schema>>, context: Context): Promise<Record<string, unknown> | undefined>;
}

export function defineWorker<Schema extends z.ZodType, Context = unknown>(
  definition: WorkerDefinition<Schema, Context>,
): WorkerDefinition<Schema, Context> {
  return definition;
}

/**
 * Thrown by a handler for a business outcome the process models with an error event
 * (ThrowError with this code); any other exception is a technical failure that is retried.
 */
export class BpmnError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly variables: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'BpmnError';
  }
}
