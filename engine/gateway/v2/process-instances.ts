import {
  and,
  type Clause,
  compileFilter,
  type Dialect,
  ENUM_OPS,
  isObject,
  KEY_OPS,
  RANGE_OPS,
  STRING_OPS,
} from './filters.ts';
import { ReadApiError } from './problem.ts';
import { DEFAULT_TENANT, iso, keyEquals, type ResourceSpec, TENANT_SQL } from './resource.ts';

export const INSTANCE_STATES = ['ACTIVE', 'COMPLETED', 'TERMINATED'] as const;

const HAS_INCIDENT = `EXISTS (SELECT 1 FROM engine_incidents inc
  WHERE inc.process_instance_key = pi.instance_key AND inc.state = 'ACTIVE')`;

interface ProcessInstanceRow {
  instance_key: unknown;
  definition_key: unknown;
  bpmn_process_id: string;
  version: unknown;
  state: string;
  created_at: unknown;
  ended_at: unknown;
  has_incident: unknown;
  parent_process_instance_key: unknown;
  parent_element_instance_key: unknown;
}

/**
 * Process instances in the shape of Camunda 8.8's ProcessInstanceResult
 * (POST /v2/process-instances/search, GET /v2/process-instances/{processInstanceKey}).
 * processDefinitionName falls back to the BPMN process id when the process has no name.
 */
export const processInstances: ResourceSpec<ProcessInstanceRow> = {
  label: 'Process Instance',
  search: (dialect) => ({
    from: 'engine_process_instances pi LEFT JOIN engine_call_links cl ON cl.child_instance_key = pi.instance_key',
    select: `pi.instance_key, pi.definition_key, pi.bpmn_process_id, pi.version, pi.state, pi.created_at,
      pi.ended_at, CASE WHEN ${HAS_INCIDENT} THEN 1 ELSE 0 END AS has_incident,
      cl.parent_process_instance_key, cl.parent_element_instance_key`,
    filters: {
      processInstanceKey: { kind: 'key', sql: 'pi.instance_key', ops: KEY_OPS },
      processDefinitionId: { kind: 'string', sql: 'pi.bpmn_process_id', ops: STRING_OPS },
      processDefinitionKey: { kind: 'key', sql: 'pi.definition_key', ops: KEY_OPS },
      processDefinitionVersion: { kind: 'integer', sql: 'pi.version', ops: RANGE_OPS },
      state: { kind: 'enum', sql: 'pi.state', values: INSTANCE_STATES, ops: ENUM_OPS },
      startDate: { kind: 'date', sql: 'pi.created_at', ops: RANGE_OPS },
      endDate: { kind: 'date', sql: 'pi.ended_at', ops: RANGE_OPS, nullable: true },
      hasIncident: { kind: 'boolean', sql: HAS_INCIDENT },
      tenantId: { kind: 'string', sql: TENANT_SQL, ops: STRING_OPS },
      // Set on instances a call activity started.
      parentProcessInstanceKey: {
        kind: 'key',
        sql: 'cl.parent_process_instance_key',
        ops: KEY_OPS,
        nullable: true,
      },
      parentElementInstanceKey: {
        kind: 'key',
        sql: 'cl.parent_element_instance_key',
        ops: KEY_OPS,
        nullable: true,
      },
      variables: { kind: 'custom', compile: (value, path) => variablesFilter(value, path, dialect) },
    },
    sorts: {
      processInstanceKey: ['pi.instance_key'],
      processDefinitionId: ['pi.bpmn_process_id'],
      processDefinitionVersion: ['pi.version'],
      processDefinitionKey: ['pi.definition_key'],
      parentProcessInstanceKey: ['cl.parent_process_instance_key'],
      parentElementInstanceKey: ['cl.parent_element_instance_key'],
      startDate: ['pi.created_at'],
      endDate: ['pi.ended_at'],
      state: ['pi.state'],
      hasIncident: [`CASE WHEN ${HAS_INCIDENT} THEN 1 ELSE 0 END`],
      tenantId: [TENANT_SQL],
    },
    tiebreak: ['pi.instance_key'],
    unsupported: [
      'processDefinitionName',
      'processDefinitionVersionTag',
      'batchOperationId',
      'errorMessage',
      'hasRetriesLeft',
      'elementInstanceState',
      'elementId',
      'hasElementInstanceIncident',
      'incidentErrorHashCode',
      'tags',
      '$or',
    ],
  }),
  byKey: keyEquals('pi.instance_key', 'processInstanceKey'),
  definitionKey: (row) => String(row.definition_key),
  toItem: (row, names) => ({
    processInstanceKey: String(row.instance_key),
    processDefinitionId: row.bpmn_process_id,
    processDefinitionName: names.processName(String(row.definition_key)) ?? row.bpmn_process_id,
    processDefinitionVersion: Number(row.version),
    processDefinitionKey: String(row.definition_key),
    startDate: iso(row.created_at),
    ...(row.ended_at === null || row.ended_at === undefined ? {} : { endDate: iso(row.ended_at) }),
    state: row.state,
    hasIncident: Number(row.has_incident) === 1,
    tenantId: DEFAULT_TENANT,
    ...(row.parent_process_instance_key === null || row.parent_process_instance_key === undefined
      ? {}
      : {
          parentProcessInstanceKey: String(row.parent_process_instance_key),
          parentElementInstanceKey: String(row.parent_element_instance_key),
        }),
  }),
};

/**
 * `variables: [{name, value}]`: each entry matches instances holding a variable of that name
 * (in any scope) whose JSON value matches `value` (a string filter property).
 */
function variablesFilter(value: unknown, path: string, dialect: Dialect): Clause {
  if (!Array.isArray(value)) throw ReadApiError.invalid(`${path} must be an array of {name, value}`);
  return and(
    value.map((entry, i) => {
      const at = `${path}[${i}]`;
      if (!isObject(entry) || typeof entry.name !== 'string' || entry.value === undefined) {
        throw ReadApiError.invalid(`${at} must be an object with a name (string) and a value`);
      }
      const extra = Object.keys(entry).find((key) => key !== 'name' && key !== 'value');
      if (extra) throw ReadApiError.invalid(`${at}.${extra} is not a property of a variable filter`);
      const match = compileFilter(
        { kind: 'string', sql: 'pv.value', ops: STRING_OPS },
        entry.value,
        `${at}.value`,
        dialect,
      );
      return {
        sql: `EXISTS (SELECT 1 FROM engine_variables pv
          WHERE pv.process_instance_key = pi.instance_key AND pv.name = ? AND (${match.sql}))`,
        params: [entry.name, ...match.params],
      };
    }),
  );
}
