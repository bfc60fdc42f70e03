import { type Clause, compileFilter, type Dialect, ENUM_OPS, RANGE_OPS } from './filters.ts';
import { INSTANCE_STATES } from './process-instances.ts';
import { DEFAULT_TENANT, iso, keyEquals, type ResourceSpec, TENANT_SQL } from './resource.ts';

/** Camunda 8.8's element instance types (ElementInstanceResult.type). */
export const ELEMENT_TYPES = [
  'UNSPECIFIED',
  'PROCESS',
  'SUB_PROCESS',
  'EVENT_SUB_PROCESS',
  'AD_HOC_SUB_PROCESS',
  'AD_HOC_SUB_PROCESS_INNER_INSTANCE',
  'START_EVENT',
  'INTERMEDIATE_CATCH_EVENT',
  'INTERMEDIATE_THROW_EVENT',
  'BOUNDARY_EVENT',
  'END_EVENT',
  'SERVICE_TASK',
  'RECEIVE_TASK',
  'USER_TASK',
  'MANUAL_TASK',
  'TASK',
  'EXCLUSIVE_GATEWAY',
  'INCLUSIVE_GATEWAY',
  'PARALLEL_GATEWAY',
  'EVENT_BASED_GATEWAY',
  'SEQUENCE_FLOW',
  'MULTI_INSTANCE_BODY',
  'CALL_ACTIVITY',
  'BUSINESS_RULE_TASK',
  'SCRIPT_TASK',
  'SEND_TASK',
  'UNKNOWN',
] as const;

/** The element_type column holds BPMN's camelCase names: serviceTask → SERVICE_TASK. */
export function toElementType(bpmnType: string): string {
  const type = bpmnType.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
  return (ELEMENT_TYPES as readonly string[]).includes(type) ? type : 'UNKNOWN';
}

/** SERVICE_TASK → serviceTask, for filtering on the stored name. */
export function toBpmnType(elementType: string): string {
  return elementType.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

// The incident an element instance is waiting on, if any.
const INCIDENT_KEY = `(SELECT MIN(inc.incident_key) FROM engine_incidents inc
  WHERE inc.element_instance_key = ei.element_instance_key AND inc.state = 'ACTIVE')`;

// Against the column, not INCIDENT_KEY: SQLite compares a key given as text to a column only.
function incidentKeyFilter(value: unknown, path: string, dialect: Dialect): Clause {
  const match = compileFilter({ kind: 'key', sql: 'inc2.incident_key' }, value, path, dialect);
  return {
    sql: `EXISTS (SELECT 1 FROM engine_incidents inc2 WHERE inc2.element_instance_key = ei.element_instance_key
      AND inc2.state = 'ACTIVE' AND ${match.sql})`,
    params: match.params,
  };
}

interface ElementInstanceRow {
  element_instance_key: unknown;
  process_instance_key: unknown;
  element_id: string;
  element_type: string;
  state: string;
  created_at: unknown;
  ended_at: unknown;
  definition_key: unknown;
  bpmn_process_id: string;
  incident_key: unknown;
}

/**
 * Element instances in the shape of Camunda 8.8's ElementInstanceResult
 * (POST /v2/element-instances/search, GET /v2/element-instances/{elementInstanceKey}).
 * elementName falls back to the element id when the element has no name. Filters take exact
 * values, as in 8.8, except state and the dates.
 */
export const elementInstances: ResourceSpec<ElementInstanceRow> = {
  label: 'Element Instance',
  search: () => ({
    from: 'engine_element_instances ei JOIN engine_process_instances pi ON pi.instance_key = ei.process_instance_key',
    select: `ei.element_instance_key, ei.process_instance_key, ei.element_id, ei.element_type, ei.state,
      ei.created_at, ei.ended_at, pi.definition_key, pi.bpmn_process_id, ${INCIDENT_KEY} AS incident_key`,
    filters: {
      processDefinitionId: { kind: 'string', sql: 'pi.bpmn_process_id' },
      state: { kind: 'enum', sql: 'ei.state', values: INSTANCE_STATES, ops: ENUM_OPS },
      type: { kind: 'enum', sql: 'ei.element_type', values: ELEMENT_TYPES, toStored: toBpmnType },
      elementId: { kind: 'string', sql: 'ei.element_id' },
      hasIncident: { kind: 'boolean', sql: `${INCIDENT_KEY} IS NOT NULL` },
      tenantId: { kind: 'string', sql: TENANT_SQL },
      elementInstanceKey: { kind: 'key', sql: 'ei.element_instance_key' },
      processInstanceKey: { kind: 'key', sql: 'ei.process_instance_key' },
      processDefinitionKey: { kind: 'key', sql: 'pi.definition_key' },
      incidentKey: { kind: 'custom', compile: incidentKeyFilter },
      startDate: { kind: 'date', sql: 'ei.created_at', ops: RANGE_OPS },
      endDate: { kind: 'date', sql: 'ei.ended_at', ops: RANGE_OPS, nullable: true },
      elementInstanceScopeKey: { kind: 'key', sql: 'ei.flow_scope_key' },
    },
    sorts: {
      elementInstanceKey: ['ei.element_instance_key'],
      processInstanceKey: ['ei.process_instance_key'],
      processDefinitionKey: ['pi.definition_key'],
      processDefinitionId: ['pi.bpmn_process_id'],
      startDate: ['ei.created_at'],
      endDate: ['ei.ended_at'],
      elementId: ['ei.element_id'],
      type: ['ei.element_type'],
      state: ['ei.state'],
      incidentKey: [INCIDENT_KEY],
      tenantId: [TENANT_SQL],
    },
    tiebreak: ['ei.element_instance_key'],
    unsupported: ['elementName'],
  }),
  byKey: keyEquals('ei.element_instance_key', 'elementInstanceKey'),
  definitionKey: (row) => String(row.definition_key),
  toItem: (row, names) => {
    const incidentKey =
      row.incident_key === null || row.incident_key === undefined ? undefined : String(row.incident_key);
    return {
      elementInstanceKey: String(row.element_instance_key),
      processInstanceKey: String(row.process_instance_key),
      processDefinitionKey: String(row.definition_key),
      processDefinitionId: row.bpmn_process_id,
      elementId: row.element_id,
      elementName: names.elementName(String(row.definition_key), row.element_id) ?? row.element_id,
      type: toElementType(row.element_type),
      state: row.state,
      startDate: iso(row.created_at),
      ...(row.ended_at === null || row.ended_at === undefined ? {} : { endDate: iso(row.ended_at) }),
      hasIncident: incidentKey !== undefined,
      ...(incidentKey === undefined ? {} : { incidentKey }),
      tenantId: DEFAULT_TENANT,
    };
  },
};
