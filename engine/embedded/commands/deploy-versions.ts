import type { DecisionRequirementsGraph } from '../../dmn/index.ts';
import type { ExecutableProcess } from '../../model/types.ts';
import {
  type DecisionRow,
  type DrgRow,
  insertDecision,
  insertDrg,
  latestDecision,
  latestDrg,
} from '../store/decisions.ts';
import { insertDefinition, latestDefinition, type ProcessDefinitionRow } from '../store/definitions.ts';
import { type FormRow, insertForm, latestFormById } from '../store/forms.ts';
import type { StoreTransaction } from '../store/store.ts';
import type { DeployResult, Resource } from './deploy.ts';

interface Compiled {
  resource: Resource;
  text: string;
  checksum: string;
}

/** A resource that compiled: what deploy.ts hands over for versioning. */
export type CompiledResource =
  | (Compiled & { kind: 'bpmn'; processes: ExecutableProcess[] })
  | (Compiled & { kind: 'dmn'; drg: DecisionRequirementsGraph })
  | (Compiled & { kind: 'form'; formId: string });

type Planned =
  | {
      kind: 'process';
      c: Compiled;
      process: ExecutableProcess;
      latest?: ProcessDefinitionRow;
      duplicate: boolean;
    }
  | {
      kind: 'drg';
      c: Compiled;
      drg: DecisionRequirementsGraph;
      latest?: DrgRow;
      decisions: Map<string, DecisionRow | undefined>;
      duplicate: boolean;
    }
  | { kind: 'form'; c: Compiled; formId: string; latest?: FormRow; duplicate: boolean };

/**
 * Versions and stores a deployment's resources (ZEEBE-SEMANTICS §12). A resource whose name
 * and bytes equal its latest version is a duplicate (a DRG also needs every decision's latest
 * version to be its own). When every resource is a duplicate, all keep their versions and
 * keys; otherwise every one of them gets a new version, duplicates included, since Zeebe
 * (8.6+, camunda#19859) versions the resources of one deployment together.
 */
export async function writeVersions(
  tx: StoreTransaction,
  compiled: CompiledResource[],
  deployment: { key: string; tenantId: string; now: number },
): Promise<Omit<DeployResult, 'key'>> {
  const planned = await plan(tx, compiled);
  const keep = planned.every((p) => p.duplicate);
  const result: Omit<DeployResult, 'key'> = {
    processes: [],
    decisions: [],
    decisionRequirements: [],
    forms: [],
  };
  const tenantId = deployment.tenantId;
  const common = { deploymentKey: deployment.key, createdAt: deployment.now };
  for (const p of planned) {
    const { resource, text, checksum } = p.c;
    if (p.kind === 'process') {
      const row =
        keep && p.latest
          ? p.latest
          : {
              ...common,
              key: await tx.nextKey(),
              bpmnProcessId: p.process.bpmnProcessId,
              version: (p.latest?.version ?? 0) + 1,
              resourceName: resource.name,
              checksum,
              resource: text,
            };
      if (row !== p.latest) await insertDefinition(tx, row);
      const { bpmnProcessId, version, key: processDefinitionKey, resourceName } = row;
      result.processes.push({ bpmnProcessId, version, processDefinitionKey, resourceName, tenantId });
    } else if (p.kind === 'drg') {
      const drg =
        keep && p.latest
          ? p.latest
          : {
              ...common,
              key: await tx.nextKey(),
              drgId: p.drg.id,
              name: p.drg.name,
              version: (p.latest?.version ?? 0) + 1,
              resourceName: resource.name,
              checksum,
              resource: text,
            };
      if (drg !== p.latest) await insertDrg(tx, drg);
      for (const decision of p.drg.decisions.values()) {
        const latest = p.decisions.get(decision.id);
        const row =
          keep && latest
            ? latest
            : {
                ...common,
                key: await tx.nextKey(),
                decisionId: decision.id,
                name: decision.name,
                version: (latest?.version ?? 0) + 1,
                drgKey: drg.key,
                drgId: drg.drgId,
              };
        if (row !== latest) await insertDecision(tx, row);
        result.decisions.push({
          decisionId: row.decisionId,
          name: row.name,
          version: row.version,
          decisionKey: row.key,
          drgId: row.drgId,
          drgKey: row.drgKey,
          tenantId,
        });
      }
      result.decisionRequirements.push({
        drgId: drg.drgId,
        name: drg.name,
        version: drg.version,
        drgKey: drg.key,
        resourceName: drg.resourceName,
        tenantId,
      });
    } else {
      const row =
        keep && p.latest
          ? p.latest
          : {
              ...common,
              key: await tx.nextKey(),
              formId: p.formId,
              version: (p.latest?.version ?? 0) + 1,
              resourceName: resource.name,
              checksum,
              resource: text,
            };
      if (row !== p.latest) await insertForm(tx, row);
      result.forms.push({
        formId: row.formId,
        version: row.version,
        formKey: row.key,
        resourceName: row.resourceName,
        tenantId,
      });
    }
  }
  return result;
}

/** Each resource with its latest stored version, and whether it duplicates that version. */
async function plan(tx: StoreTransaction, compiled: CompiledResource[]): Promise<Planned[]> {
  const planned: Planned[] = [];
  const same = (c: Compiled, latest?: { resourceName: string; checksum: string }) =>
    latest !== undefined && latest.resourceName === c.resource.name && latest.checksum === c.checksum;
  for (const c of compiled) {
    if (c.kind === 'bpmn') {
      for (const process of c.processes) {
        const latest = await latestDefinition(tx, process.bpmnProcessId);
        planned.push({ kind: 'process', c, process, latest, duplicate: same(c, latest) });
      }
    } else if (c.kind === 'dmn') {
      const latest = await latestDrg(tx, c.drg.id);
      const decisions = new Map<string, DecisionRow | undefined>();
      for (const id of c.drg.decisions.keys()) decisions.set(id, await latestDecision(tx, id));
      const own = [...decisions.values()].every((d) => d !== undefined && d.drgKey === latest?.key);
      planned.push({ kind: 'drg', c, drg: c.drg, latest, decisions, duplicate: same(c, latest) && own });
    } else {
      const latest = await latestFormById(tx, c.formId);
      planned.push({ kind: 'form', c, formId: c.formId, latest, duplicate: same(c, latest) });
    }
  }
  return planned;
}
