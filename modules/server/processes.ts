import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
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
): Promise<void> {
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => extname(name) in KINDS)
    .sort();
  if (names.length === 0) return;
  const contents = new Map<string, string>();
  const resources = await Promise.all(
    names.map(async (name) => {
      const content = await readFile(join(dir, name), 'utf8');
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
