import {
  createCamundaAuthHeaders,
  createReadApiHandler,
  type EngineStore,
  readForm,
  type ZeebeGrpcClient,
} from '../../engine/index.ts';
import type { ModuleContext } from '../server/module.ts';
import type { DeployedForms } from '../server/processes.ts';
import { createReadApiForwarder } from '../server/v2-forward.ts';
import { type ParsedDefinition, parseDefinition } from './definitions.ts';
import { TasksError } from './errors.ts';

/** The job type of every job-based user task (DESIGN seam 2). */
export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';

const NOT_FOUND = 5;
const FAILED_PRECONDITION = 9;
const EMBEDDED_FORM = 'camunda-forms:bpmn:';
const MAX_CACHED_DEFINITIONS = 200;
const PAGE = 1_000;

export interface UserTaskJob {
  key: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionVersion: number;
  bpmnProcessId: string;
  elementId: string;
  elementInstanceKey: string;
  customHeaders: Record<string, string>;
  variables: Record<string, unknown>;
  tenantId: string;
}

export interface TaskForm {
  formKey: string;
  formId: string;
  version: number | null;
  /** The form-js schema. */
  schema: Record<string, unknown>;
}

type ReadApi = (request: Request) => Promise<Response | undefined>;

/**
 * Everything the task list asks of the engine: user task jobs over gRPC (activate, renew,
 * complete), and through the /v2 read API the models and the state of element instances.
 * Linked forms are read from the embedded engine's store, or (a Camunda 8 cluster, whose
 * forms gRPC cannot read) from the shipped forms as the platform deployed them.
 */
export class TaskEngine {
  readonly #definitions = new Map<string, Promise<ParsedDefinition | undefined>>();

  constructor(
    private readonly zeebe: ZeebeGrpcClient,
    private readonly readApi: ReadApi | undefined,
    private readonly store: EngineStore | undefined,
    private readonly deployedForms?: DeployedForms,
  ) {}

  static of(context: ModuleContext): TaskEngine {
    const { config, engineStore } = context;
    const auth = config.engine.camundaAuth.CAMUNDA_AUTH_STRATEGY;
    const readApi =
      config.engine.mode === 'embedded' && engineStore
        ? createReadApiHandler(engineStore)
        : config.engine.mode === 'zeebe' && config.engine.zeebeRestAddress
          ? createReadApiForwarder(
              config.engine.zeebeRestAddress,
              auth && auth !== 'NONE' ? createCamundaAuthHeaders(config.engine.camundaAuth) : undefined,
            )
          : undefined;
    return new TaskEngine(context.zeebe, readApi, engineStore, context.deployedForms);
  }

  /** Whether every linked form can be read: the embedded engine's store has them all. */
  get readsLinkedForms(): boolean {
    return this.store !== undefined;
  }

  /** Long-polls for user task jobs; an engine that ends the poll with none answers []. */
  async activate(options: { max: number; timeoutMs: number; pollMs: number }): Promise<UserTaskJob[]> {
    const jobs = await this.zeebe.activateJobs({
      type: USER_TASK_JOB_TYPE,
      worker: 'crm.tasks',
      maxJobsToActivate: options.max,
      timeout: options.timeoutMs,
      requestTimeout: options.pollMs,
    } as never);
    return (jobs ?? []).map((job) => {
      const raw = job as unknown as UserTaskJob & { processDefinitionKey?: string };
      return {
        key: String(raw.key),
        processInstanceKey: String(raw.processInstanceKey),
        processDefinitionKey: String(raw.processDefinitionKey ?? ''),
        processDefinitionVersion: Number(raw.processDefinitionVersion ?? 0),
        bpmnProcessId: raw.bpmnProcessId,
        elementId: raw.elementId,
        elementInstanceKey: String(raw.elementInstanceKey),
        customHeaders: { ...(raw.customHeaders ?? {}) },
        variables: plain(raw.variables ?? {}) as Record<string, unknown>,
        tenantId: raw.tenantId || '<default>',
      };
    });
  }

  /**
   * Extends the job's deadline. `gone` means the job no longer exists: the process cancelled
   * the task (or it was completed). A job that timed out and waits to be activated again
   * (FAILED_PRECONDITION) is still the same task.
   */
  async renew(jobKey: string, timeoutMs: number): Promise<'alive' | 'gone'> {
    try {
      await this.zeebe.updateJobTimeout({ jobKey, timeout: timeoutMs });
      return 'alive';
    } catch (error) {
      if (grpcCode(error) === NOT_FOUND) return 'gone';
      if (grpcCode(error) === FAILED_PRECONDITION) return 'alive';
      throw unavailable(error);
    }
  }

  async complete(jobKey: string, variables: Record<string, unknown>): Promise<'completed' | 'gone'> {
    try {
      await this.zeebe.completeJob({ jobKey, variables: variables as never });
      return 'completed';
    } catch (error) {
      if (grpcCode(error) === NOT_FOUND) return 'gone';
      throw unavailable(error);
    }
  }

  /**
   * The user task element instances the read API shows ended (completed or terminated) since
   * `since` (engine time), with their state. Undefined when there is no read API to ask.
   */
  async endedUserTasks(since: number): Promise<Map<string, string> | undefined> {
    if (!this.readApi) return undefined;
    const ended = new Map<string, string>();
    for (let from = 0; ; from += PAGE) {
      const answer = await this.read('POST', '/v2/element-instances/search', {
        filter: {
          type: 'USER_TASK',
          state: { $neq: 'ACTIVE' },
          endDate: { $gte: new Date(since).toISOString() },
        },
        sort: [{ field: 'endDate' }],
        page: { from, limit: PAGE },
      });
      if (!answer?.ok)
        throw new Error(`the read API answered ${answer?.status} to an element instance search`);
      const { items = [] } = (await answer.json()) as {
        items?: { elementInstanceKey: string; state: string }[];
      };
      for (const item of items) ended.set(String(item.elementInstanceKey), item.state);
      if (items.length < PAGE) return ended;
    }
  }

  /** The deployed model of a process definition (cached: definitions never change). */
  definition(processDefinitionKey: string): Promise<ParsedDefinition | undefined> {
    let cached = this.#definitions.get(processDefinitionKey);
    if (!cached) {
      cached = this.fetchDefinition(processDefinitionKey);
      if (this.#definitions.size >= MAX_CACHED_DEFINITIONS)
        this.#definitions.delete(this.#definitions.keys().next().value as string);
      this.#definitions.set(processDefinitionKey, cached);
      // A failed read is not remembered: the next task tries again.
      cached.then((d) => d ?? this.#definitions.delete(processDefinitionKey));
    }
    return cached;
  }

  /**
   * The form a task's `io.camunda.zeebe:formKey` names: a linked form (its key, a number) from
   * the embedded engine, or a form embedded in the model. Undefined when it cannot be found.
   */
  async form(
    formKey: string,
    bpmnProcessId: string,
    processDefinitionKey: string,
  ): Promise<TaskForm | undefined> {
    if (formKey.startsWith(EMBEDDED_FORM)) {
      const id = formKey.slice(EMBEDDED_FORM.length);
      const body = (await this.definition(processDefinitionKey))?.embeddedForm(bpmnProcessId, id);
      const schema = body === undefined ? undefined : parseSchema(body);
      return schema && { formKey, formId: id, version: null, schema };
    }
    if (!/^\d{1,19}$/.test(formKey)) return undefined;
    const shipped = this.deployedForms?.get(formKey);
    if (shipped) {
      const schema = parseSchema(shipped.schema);
      return schema && { formKey, formId: shipped.formId, version: shipped.version, schema };
    }
    if (!this.store) return undefined;
    const row = await readForm(this.store, { formKey });
    const schema = row && parseSchema(row.resource);
    return schema && { formKey, formId: row.formId, version: row.version, schema };
  }

  private async fetchDefinition(key: string): Promise<ParsedDefinition | undefined> {
    if (!/^\d{1,19}$/.test(key)) return undefined;
    const shipped = this.deployedForms?.model(key);
    if (shipped) return parseDefinition(shipped).catch(() => undefined);
    try {
      const answer = await this.read('GET', `/v2/process-definitions/${key}/xml`);
      if (!answer?.ok) return undefined;
      return await parseDefinition(await answer.text());
    } catch {
      return undefined;
    }
  }

  private async read(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response | undefined> {
    if (!this.readApi) return undefined;
    return this.readApi(
      new Request(`http://engine${path}`, {
        method,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  }
}

function parseSchema(text: string): Record<string, unknown> | undefined {
  try {
    const schema: unknown = JSON.parse(text);
    return typeof schema === 'object' && schema !== null && !Array.isArray(schema)
      ? (schema as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The SDK's lossless parsing gives class instances: store plain JSON. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? {}));
}

function grpcCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

function unavailable(error: unknown): TasksError {
  const reason = error instanceof Error ? error.message : String(error);
  return new TasksError('ENGINE_UNAVAILABLE', `The process engine did not answer: ${reason}`);
}
