import type { EngineStore } from '../../embedded/store/store.ts';
import { STRING_OPS } from './filters.ts';
import { ReadApiError } from './problem.ts';
import { DEFAULT_TENANT, keyEquals, type ResourceSpec, TENANT_SQL } from './resource.ts';

const LATEST = `d.version = (SELECT MAX(d2.version) FROM engine_process_definitions d2
  WHERE d2.bpmn_process_id = d.bpmn_process_id)`;

interface ProcessDefinitionRow {
  definition_key: unknown;
  bpmn_process_id: string;
  version: unknown;
  resource_name: string;
}

/**
 * Process definitions in the shape of Camunda 8.8's ProcessDefinitionResult
 * (POST /v2/process-definitions/search, GET /v2/process-definitions/{processDefinitionKey}).
 * name comes from the BPMN and is left out when the process has none; versionTag and
 * hasStartForm are not tracked by the engine yet and left out.
 */
export const processDefinitions: ResourceSpec<ProcessDefinitionRow> = {
  label: 'Process Definition',
  search: () => ({
    from: 'engine_process_definitions d',
    select: 'd.definition_key, d.bpmn_process_id, d.version, d.resource_name',
    filters: {
      isLatestVersion: { kind: 'boolean', sql: LATEST },
      resourceName: { kind: 'string', sql: 'd.resource_name' },
      version: { kind: 'integer', sql: 'd.version' },
      processDefinitionId: { kind: 'string', sql: 'd.bpmn_process_id', ops: STRING_OPS },
      tenantId: { kind: 'string', sql: TENANT_SQL },
      processDefinitionKey: { kind: 'key', sql: 'd.definition_key' },
    },
    sorts: {
      processDefinitionKey: ['d.definition_key'],
      resourceName: ['d.resource_name'],
      version: ['d.version'],
      processDefinitionId: ['d.bpmn_process_id'],
      tenantId: [TENANT_SQL],
    },
    tiebreak: ['d.definition_key'],
    unsupported: ['name', 'versionTag', 'hasStartForm'],
  }),
  byKey: keyEquals('d.definition_key', 'processDefinitionKey'),
  definitionKey: (row) => String(row.definition_key),
  toItem: (row, names) => {
    const name = names.processName(String(row.definition_key));
    return {
      processDefinitionKey: String(row.definition_key),
      processDefinitionId: row.bpmn_process_id,
      ...(name === undefined ? {} : { name }),
      resourceName: row.resource_name,
      version: Number(row.version),
      tenantId: DEFAULT_TENANT,
    };
  },
};

/** GET /v2/process-definitions/{processDefinitionKey}/xml: the deployed BPMN, as text/xml. */
export async function processDefinitionXml(store: EngineStore, key: string): Promise<Response> {
  const where = keyEquals('definition_key', 'processDefinitionKey')(key);
  const [row] = await store.transaction((tx) =>
    tx.all<{ resource: string }>(
      `SELECT resource FROM engine_process_definitions WHERE ${where.sql}`,
      where.params,
    ),
  );
  if (!row) throw ReadApiError.notFound(`Process Definition with key '${key}' not found`);
  return new Response(row.resource, { status: 200, headers: { 'Content-Type': 'text/xml' } });
}
