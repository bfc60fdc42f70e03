import { GatewayError } from '../../gateway/errors.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ProcessDefinitionRow } from '../store/definitions.ts';
import type { StoreTransaction } from '../store/store.ts';

export interface CreateInstanceRequest {
  bpmnProcessId: string;
  /** −1 (any negative) for the latest version; ≥0 for that exact version. */
  version: number;
  processDefinitionKey: string;
  variables: Record<string, unknown>;
}

export interface CreatedInstance {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: string;
}

/** Finds the definition as Zeebe does (ZEEBE-SEMANTICS §13): an unset version 0 is not "latest". */
export async function findDefinition(
  tx: StoreTransaction,
  request: CreateInstanceRequest,
): Promise<ProcessDefinitionRow> {
  const { bpmnProcessId, version, processDefinitionKey } = request;
  let rows: { definition_key: unknown }[];
  if (bpmnProcessId) {
    rows =
      version < 0
        ? await tx.all(
            'SELECT definition_key FROM engine_process_definitions WHERE bpmn_process_id = ? ORDER BY version DESC LIMIT 1',
            [bpmnProcessId],
          )
        : await tx.all(
            'SELECT definition_key FROM engine_process_definitions WHERE bpmn_process_id = ? AND version = ?',
            [bpmnProcessId, version],
          );
    if (rows.length === 0) {
      const which = version < 0 ? 'latest version' : `version ${version}`;
      throw GatewayError.rejected(
        'CREATE',
        'NOT_FOUND',
        `Expected to find process definition with process ID '${bpmnProcessId}' and ${which}, but none found`,
      );
    }
  } else if (processDefinitionKey && processDefinitionKey !== '0') {
    rows = await tx.all('SELECT definition_key FROM engine_process_definitions WHERE definition_key = ?', [
      processDefinitionKey,
    ]);
    if (rows.length === 0) {
      throw GatewayError.rejected(
        'CREATE',
        'NOT_FOUND',
        `Expected to find process definition with key '${processDefinitionKey}', but none found`,
      );
    }
  } else {
    throw GatewayError.rejected(
      'CREATE',
      'INVALID_ARGUMENT',
      'Expected either a bpmnProcessId or a processDefinitionKey, but none given',
    );
  }
  const [definition] = await tx.all<Record<string, unknown>>(
    'SELECT * FROM engine_process_definitions WHERE definition_key = ?',
    [String(rows[0]?.definition_key)],
  );
  if (!definition) throw new Error('definition vanished inside its transaction');
  return {
    key: String(definition.definition_key),
    bpmnProcessId: String(definition.bpmn_process_id),
    version: Number(definition.version),
    resourceName: String(definition.resource_name),
    checksum: String(definition.checksum),
    deploymentKey: String(definition.deployment_key),
    resource: String(definition.resource),
    createdAt: Number(definition.created_at),
  };
}

export async function createInstance(rt: Runtime, request: CreateInstanceRequest): Promise<CreatedInstance> {
  const definition = await findDefinition(rt.tx, request);
  const process = await rt.loadProcess(definition.key);
  if (process.startEventId === undefined) {
    throw GatewayError.rejected(
      'CREATE',
      'INVALID_STATE',
      'Expected to create instance of process with none start event, but there is no such event',
    );
  }
  const processInstanceKey = await rt.tx.nextKey();
  await rt.startProcess(
    {
      key: processInstanceKey,
      definitionKey: definition.key,
      bpmnProcessId: definition.bpmnProcessId,
      version: definition.version,
      state: 'ACTIVE',
    },
    process,
    request.variables,
  );
  return {
    processDefinitionKey: definition.key,
    bpmnProcessId: definition.bpmnProcessId,
    version: definition.version,
    processInstanceKey,
  };
}
