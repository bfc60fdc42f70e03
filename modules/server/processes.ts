import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { QueryTypes, type Sequelize } from 'sequelize';
import type { ZeebeGrpcClient } from '../../engine/index.ts';

/** Where the shipped models, decision tables and forms live. */
export const PROCESSES_DIR = fileURLToPath(new URL('../../processes/', import.meta.url));

/** A form as deployed: what the task list needs when the engine cannot read it back (Zeebe). */
export interface DeployedForm {
  formKey: string;
  formId: string;
  version: number;
  schema: string;
}

/**
 * The shipped forms and models, by the keys the engine gave them when the platform deployed
 * them. In Zeebe mode the platform cannot read deployed resources back (seam 3: gRPC only), so
 * the task list resolves a task's `formKey`, and the names of its elements, here.
 */
export class DeployedForms {
  private readonly byKey = new Map<string, DeployedForm>();
  private readonly models = new Map<string, string>();

  add(form: DeployedForm): void {
    this.byKey.set(form.formKey, form);
  }

  get(formKey: string): DeployedForm | undefined {
    return this.byKey.get(formKey);
  }

  addModel(processDefinitionKey: string, xml: string): void {
    this.models.set(processDefinitionKey, xml);
  }

  /** The BPMN XML of a shipped process definition, by its key. */
  model(processDefinitionKey: string): string | undefined {
    return this.models.get(processDefinitionKey);
  }
}

type Deployment = Partial<{
  form: { formKey: string; formId: string; version: number; resourceName: string };
  process: { bpmnProcessId: string; version: number; processDefinitionKey: string; resourceName: string };
  decision: { dmnDecisionId: string; version: number };
}>;

const KINDS = { '.bpmn': 'process', '.dmn': 'decision', '.form': 'form' } as const;

/**
 * Deploys every `.bpmn`, `.dmn` and `.form` file of `dir` in one deployment (atomic: one bad
 * file stops all, and start-up with it, naming the file and element). Unchanged resources keep
 * their version, as the engine does for any unchanged resource.
 */
export async function deployProcesses(
  zeebe: ZeebeGrpcClient,
  forms: DeployedForms,
  logger: Logger,
  dir: string = PROCESSES_DIR,
  replaced: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  const files = await Promise.all(
    (await readdir(dir).catch(() => [] as string[]))
      .filter((name) => extname(name) in KINDS)
      .sort()
      .map(async (name) => ({ name, content: await readFile(join(dir, name), 'utf8') })),
  );
  const kept: string[] = [];
  const shipped = files.filter(({ name, content }) => {
    const checksum = replaced.get(name.slice(0, -extname(name).length));
    if (checksum === undefined || checksum !== sha256(content)) return true;
    kept.push(name);
    return false;
  });
  if (kept.length > 0)
    logger.info({ kept }, 'shipped models left as they are: a version approved in the designer runs instead');
  if (shipped.length === 0) return;
  const contents = new Map<string, string>();
  const resources = await Promise.all(
    shipped.map(async ({ name, content }) => {
      contents.set(name, content);
      const kind = KINDS[extname(name) as keyof typeof KINDS];
      const buffer = Buffer.from(content);
      if (kind === 'process') return { name, process: buffer };
      if (kind === 'decision') return { name, decision: buffer };
      return { name, form: buffer };
    }),
  );
  let answer: { deployments: Deployment[] };
  try {
    answer = (await zeebe.deployResources(resources)) as { deployments: Deployment[] };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`deploying the shipped processes in ${dir} failed: ${detail}`);
  }
  const deployed: string[] = [];
  for (const deployment of answer.deployments) {
    if (deployment.form) {
      const { formKey, formId, version, resourceName } = deployment.form;
      forms.add({ formKey: String(formKey), formId, version, schema: contents.get(resourceName) ?? '{}' });
      deployed.push(`${formId} v${version}`);
    } else if (deployment.process) {
      const { processDefinitionKey, resourceName } = deployment.process;
      const xml = contents.get(resourceName);
      if (xml) forms.addModel(String(processDefinitionKey), xml);
      deployed.push(`${deployment.process.bpmnProcessId} v${deployment.process.version}`);
    } else if (deployment.decision) {
      deployed.push(`${deployment.decision.dmnDecisionId} v${deployment.decision.version}`);
    }
  }
  logger.info({ deployed }, 'shipped processes deployed');
}

const sha256 = (content: string) => createHash('sha256').update(content, 'utf8').digest('hex');

/**
 * The shipped models a process owner replaced through the designer (modules/repository): by
 * model id, the checksum of the shipped file they replaced. Such a file, unchanged since, is not
 * deployed again at start — that would put the shipped version back in front of the approved
 * one. A shipped file that did change (a platform upgrade) is deployed as usual. Empty when the
 * repository is not part of this platform.
 */
export async function replacedShippedModels(sequelize: Sequelize): Promise<Map<string, string>> {
  try {
    const rows = await sequelize.query<{ id: string; shipped_checksum: string }>(
      `SELECT id, shipped_checksum FROM repository_models
       WHERE shipped_checksum IS NOT NULL AND deployed_version IS NOT NULL
       AND (shipped_version IS NULL OR deployed_version <> shipped_version)`,
      { type: QueryTypes.SELECT },
    );
    return new Map(rows.map((row) => [row.id, row.shipped_checksum]));
  } catch {
    return new Map();
  }
}
