import { createHash } from 'node:crypto';
import { parseDmn } from '../../dmn/index.ts';
import { checkExpression } from '../../feel/index.ts';
import { GatewayError } from '../../gateway/errors.ts';
import { compileBpmn } from '../../model/compile.ts';
import { resourceKind } from '../../model/resource.ts';
import type { DeploymentProblem } from '../../model/types.ts';
import type { CommandProcessor } from '../processor.ts';
import { insertDeployment } from '../store/definitions.ts';
import { type CompiledResource, writeVersions } from './deploy-versions.ts';
import { openStartEvents } from './start-events.ts';

export const DEFAULT_TENANT = '<default>';

export interface Resource {
  name: string;
  content: Uint8Array;
}

export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  resourceName: string;
  tenantId: string;
}

export interface DeployedDecision {
  decisionId: string;
  name: string;
  version: number;
  decisionKey: string;
  drgId: string;
  drgKey: string;
  tenantId: string;
}

export interface DeployedDrg {
  drgId: string;
  name: string;
  version: number;
  drgKey: string;
  resourceName: string;
  tenantId: string;
}

export interface DeployedForm {
  formId: string;
  version: number;
  formKey: string;
  resourceName: string;
  tenantId: string;
}

/** What a deployment made, in the order Zeebe's response lists it (§12). */
export interface DeployResult {
  key: string;
  processes: DeployedProcess[];
  decisions: DeployedDecision[];
  decisionRequirements: DeployedDrg[];
  forms: DeployedForm[];
}

/**
 * DeployResource: all or nothing (ZEEBE-SEMANTICS §12). Every resource (BPMN, DMN, form) is
 * compiled first; one problem anywhere rejects the whole deployment with every problem listed.
 * Versioning happens in deploy-versions.ts.
 */
export async function deploy(processor: CommandProcessor, resources: Resource[]): Promise<DeployResult> {
  if (resources.length === 0) {
    throw GatewayError.rejected(
      'CREATE',
      'INVALID_ARGUMENT',
      'Expected to deploy at least one resource, but none given',
    );
  }
  const problems: DeploymentProblem[] = [];
  const compiled: CompiledResource[] = [];
  for (const resource of resources) {
    const kind = resourceKind(resource.name);
    if (kind === undefined) {
      problems.push({
        resourceName: resource.name,
        message: 'unknown resource type; expected a name ending in .bpmn, .xml, .dmn or .form',
      });
      continue;
    }
    const text = Buffer.from(resource.content).toString('utf8');
    const checksum = createHash('sha256').update(resource.content).digest('hex');
    const base = { resource, text, checksum };
    if (kind === 'bpmn') {
      const result = await compileBpmn(resource.name, text, checkExpression);
      problems.push(...result.problems);
      compiled.push({ ...base, kind, processes: result.processes });
    } else if (kind === 'dmn') {
      const result = await parseDmn(resource.name, text.replace(/^\uFEFF/, ''));
      problems.push(...result.problems);
      if (result.drg) compiled.push({ ...base, kind, drg: result.drg });
    } else {
      const form = formIdOf(text);
      if ('problem' in form) problems.push({ resourceName: resource.name, message: form.problem });
      else compiled.push({ ...base, kind, formId: form.formId });
    }
  }
  problems.push(...duplicateIds(compiled));
  if (problems.length > 0) throw rejection(problems);

  return processor.run(async (rt) => {
    const { tx, now } = rt;
    const key = await tx.nextKey();
    await insertDeployment(tx, key, now);
    const deployed = { key, ...(await writeVersions(tx, compiled, { key, tenantId: DEFAULT_TENANT, now })) };
    await openStartEvents(rt, key);
    return deployed;
  });
}

/**
 * A form resource is form-js JSON whose `id` names the form, as Zeebe's FormResourceTransformer
 * reads it: scalar ids are taken as text; a missing or blank one is refused.
 */
export function formIdOf(text: string): { formId: string } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { problem: `Failed to parse form JSON: ${(error as Error).message}` };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { problem: 'Failed to parse form JSON: expected a JSON object (a form-js schema)' };
  }
  const id = (json as Record<string, unknown>).id;
  if (id === undefined || id === null)
    return { problem: 'Expected the form id to be present, but none given' };
  if (typeof id === 'object') return { problem: 'Failed to parse form JSON: the form id must be text' };
  const formId = String(id);
  if (formId.trim() === '') return { problem: 'Expected the form id to be filled, but it is blank' };
  return { formId };
}

/** Process, DRG, decision and form ids must each be unique within one deployment (Zeebe's messages). */
function duplicateIds(compiled: CompiledResource[]): DeploymentProblem[] {
  const problems: DeploymentProblem[] = [];
  const seen = { process: new Map(), drg: new Map(), decision: new Map(), form: new Map() } as Record<
    'process' | 'drg' | 'decision' | 'form',
    Map<string, string>
  >;
  const check = (
    kind: keyof typeof seen,
    id: string,
    resourceName: string,
    message: (other: string) => string,
  ) => {
    const other = seen[kind].get(id);
    if (other !== undefined) problems.push({ resourceName, message: message(other) });
    else seen[kind].set(id, resourceName);
  };
  const unique = (what: string, id: string, name: string) => (other: string) =>
    `Expected the ${what} ids to be unique within a deployment but found a duplicated id '${id}' in the resources '${other}' and '${name}'.`;
  for (const c of compiled) {
    const name = c.resource.name;
    if (c.kind === 'bpmn') {
      for (const { bpmnProcessId: id } of c.processes) {
        check(
          'process',
          id,
          name,
          (other) => `Duplicated process id in resources '${other}' and '${name}': '${id}'`,
        );
      }
    } else if (c.kind === 'dmn') {
      check('drg', c.drg.id, name, unique('decision requirements', c.drg.id, name));
      for (const id of c.drg.decisions.keys()) check('decision', id, name, unique('decision', id, name));
    } else {
      check('form', c.formId, name, unique('form', c.formId, name));
    }
  }
  return problems;
}

function rejection(problems: DeploymentProblem[]): GatewayError {
  const lines = problems.map((p) => {
    const where = p.elementId ? ` Element '${p.elementId}':` : '';
    return `'${p.resourceName}':${where} ${p.message}`;
  });
  return GatewayError.rejected(
    'CREATE',
    'INVALID_ARGUMENT',
    `Expected to deploy new resources, but encountered the following errors:\n${lines.join('\n')}`,
  );
}
