import { createHash } from 'node:crypto';
import { checkExpression } from '../../feel/index.ts';
import { GatewayError } from '../../gateway/errors.ts';
import { compileBpmn } from '../../model/compile.ts';
import { resourceKind } from '../../model/resource.ts';
import type { DeploymentProblem, ExecutableProcess } from '../../model/types.ts';
import type { CommandProcessor } from '../processor.ts';
import { insertDefinition, insertDeployment, latestDefinition } from '../store/definitions.ts';

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

export interface DeployResult {
  key: string;
  processes: DeployedProcess[];
}

interface Compiled {
  resource: Resource;
  text: string;
  checksum: string;
  processes: ExecutableProcess[];
}

/**
 * DeployResource: all or nothing (ZEEBE-SEMANTICS §12). Every resource is compiled first;
 * one problem anywhere rejects the whole deployment with every problem listed. A process
 * whose resource name and bytes equal its latest version keeps that version and key.
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
  const compiled: Compiled[] = [];
  for (const resource of resources) {
    const kind = resourceKind(resource.name);
    if (kind !== 'bpmn') {
      problems.push({
        resourceName: resource.name,
        message:
          kind === undefined
            ? 'unknown resource type; expected a name ending in .bpmn, .xml, .dmn or .form'
            : `${kind.toUpperCase()} resources are not supported by the embedded engine yet`,
      });
      continue;
    }
    const text = Buffer.from(resource.content).toString('utf8');
    const result = await compileBpmn(resource.name, text, checkExpression);
    problems.push(...result.problems);
    const checksum = createHash('sha256').update(resource.content).digest('hex');
    compiled.push({ resource, text, checksum, processes: result.processes });
  }
  const seen = new Map<string, string>();
  for (const { resource, processes } of compiled) {
    for (const process of processes) {
      const other = seen.get(process.bpmnProcessId);
      if (other !== undefined) {
        problems.push({
          resourceName: resource.name,
          message: `Duplicated process id in resources '${other}' and '${resource.name}': '${process.bpmnProcessId}'`,
        });
      }
      seen.set(process.bpmnProcessId, resource.name);
    }
  }
  if (problems.length > 0) throw rejection(problems);
  if (compiled.every((c) => c.processes.length === 0)) {
    throw GatewayError.rejected(
      'CREATE',
      'INVALID_ARGUMENT',
      'Expected to deploy new resources, but the resources contain no executable process (isExecutable="true")',
    );
  }

  return processor.run(async ({ tx, now }) => {
    const key = await tx.nextKey();
    await insertDeployment(tx, key, now);
    const deployed: DeployedProcess[] = [];
    for (const { resource, text, checksum, processes } of compiled) {
      for (const process of processes) {
        const latest = await latestDefinition(tx, process.bpmnProcessId);
        const unchanged = latest && latest.checksum === checksum && latest.resourceName === resource.name;
        const definition = unchanged
          ? latest
          : {
              key: await tx.nextKey(),
              bpmnProcessId: process.bpmnProcessId,
              version: (latest?.version ?? 0) + 1,
              resourceName: resource.name,
              checksum,
              deploymentKey: key,
              resource: text,
              createdAt: now,
            };
        if (!unchanged) await insertDefinition(tx, definition);
        deployed.push({
          bpmnProcessId: definition.bpmnProcessId,
          version: definition.version,
          processDefinitionKey: definition.key,
          resourceName: definition.resourceName,
          tenantId: DEFAULT_TENANT,
        });
      }
    }
    return { key, processes: deployed };
  });
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
