import type { StoreTransaction } from './store.ts';

export interface ProcessDefinitionRow {
  key: string;
  bpmnProcessId: string;
  version: number;
  resourceName: string;
  checksum: string;
  deploymentKey: string;
  resource: string;
  createdAt: number;
}

interface DefinitionRecord {
  definition_key: unknown;
  bpmn_process_id: string;
  version: unknown;
  resource_name: string;
  checksum: string;
  deployment_key: unknown;
  resource: string;
  created_at: unknown;
}

export async function latestDefinition(tx: StoreTransaction, bpmnProcessId: string) {
  const [row] = await tx.all<DefinitionRecord>(
    'SELECT * FROM engine_process_definitions WHERE bpmn_process_id = ? ORDER BY version DESC LIMIT 1',
    [bpmnProcessId],
  );
  return row && toDefinition(row);
}

export async function insertDefinition(tx: StoreTransaction, d: ProcessDefinitionRow): Promise<void> {
  await tx.run(
    `INSERT INTO engine_process_definitions
       (definition_key, bpmn_process_id, version, resource_name, checksum, deployment_key, resource, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [d.key, d.bpmnProcessId, d.version, d.resourceName, d.checksum, d.deploymentKey, d.resource, d.createdAt],
  );
}

export async function insertDeployment(tx: StoreTransaction, key: string, createdAt: number): Promise<void> {
  await tx.run('INSERT INTO engine_deployments (deployment_key, created_at) VALUES (?, ?)', [key, createdAt]);
}

function toDefinition(row: DefinitionRecord): ProcessDefinitionRow {
  return {
    key: String(row.definition_key),
    bpmnProcessId: row.bpmn_process_id,
    version: Number(row.version),
    resourceName: row.resource_name,
    checksum: row.checksum,
    deploymentKey: String(row.deployment_key),
    resource: row.resource,
    createdAt: Number(row.created_at),
  };
}
