import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** One thing the scenario does to the instance, in order, on both engines. */
const Step = z.union([
  /** Activate one job of this type and complete it with these variables. */
  z.object({ complete: z.string(), variables: z.record(z.string(), z.unknown()).default({}) }),
  /** Activate one job of this type and fail it. */
  z.object({
    fail: z.string(),
    retries: z.number().int(),
    errorMessage: z.string().default(''),
    backoffMs: z.number().int().default(0),
  }),
  /** Activate one job of this type and throw a BPMN error from it. */
  z.object({
    throwError: z.string(),
    errorCode: z.string(),
    errorMessage: z.string().default(''),
    variables: z.record(z.string(), z.unknown()).default({}),
  }),
  z.object({
    publish: z.string(),
    correlationKey: z.string().default(''),
    variables: z.record(z.string(), z.unknown()).default({}),
    ttlMs: z.number().int().default(0),
  }),
  z.object({ signal: z.string(), variables: z.record(z.string(), z.unknown()).default({}) }),
  /** Move the engine clock forward by this many milliseconds. */
  z.object({ advanceMs: z.number().int().positive() }),
  /** Set variables on the process instance (root scope), then resolve its open incidents. */
  z.object({ resolveIncidents: z.literal(true), variables: z.record(z.string(), z.unknown()).default({}) }),
  /** Raise the retries of the job an incident is about, then resolve its incidents. */
  z.object({ retryJobs: z.literal(true), retries: z.number().int().positive().default(1) }),
]);
export type Step = z.infer<typeof Step>;

const ScenarioFile = z.object({
  /** What the scenario shows, in one sentence. */
  title: z.string(),
  /** Resource files in tests/conformance deployed together; by default the model of the same name. */
  deploy: z.array(z.string()).optional(),
  processId: z.string(),
  variables: z.record(z.string(), z.unknown()).default({}),
  /**
   * How the instance starts when not by CreateProcessInstance: a message or a signal (these
   * steps run first), or a timer start event (the clock moves this far); the instance is then
   * the latest of the process.
   */
  startBy: z
    .union([
      z.object({
        publish: z.string(),
        correlationKey: z.string().default(''),
        variables: z.record(z.string(), z.unknown()).default({}),
        ttlMs: z.number().int().default(0),
      }),
      z.object({ signal: z.string(), variables: z.record(z.string(), z.unknown()).default({}) }),
      z.object({ advanceMs: z.number().int().positive() }),
    ])
    .optional(),
  steps: z.array(Step).default([]),
});

export interface Scenario extends z.infer<typeof ScenarioFile> {
  name: string;
  resources: { name: string; content: Buffer }[];
}

export const CONFORMANCE_DIR = new URL('.', import.meta.url).pathname;

/** Every `<name>.scenario.json` beside its models, sorted by name. */
export function loadScenarios(dir = CONFORMANCE_DIR): Scenario[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.scenario.json'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.scenario\.json$/, '');
      const parsed = ScenarioFile.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
      const files = parsed.data.deploy ?? [`${name}.bpmn`];
      return {
        ...parsed.data,
        name,
        resources: files.map((resource) => ({ name: resource, content: readFileSync(join(dir, resource)) })),
      };
    });
}
