import { RANGE_OPS } from './filters.ts';
import { DEFAULT_TENANT, iso, keyEquals, type ResourceSpec, TENANT_SQL } from './resource.ts';

/** Camunda 8.8's IncidentResult.errorType values. */
const ERROR_TYPES = [
  'UNSPECIFIED',
  'UNKNOWN',
  'IO_MAPPING_ERROR',
  'JOB_NO_RETRIES',
  'EXECUTION_LISTENER_NO_RETRIES',
  'TASK_LISTENER_NO_RETRIES',
  'AD_HOC_SUB_PROCESS_NO_RETRIES',
  'CONDITION_ERROR',
  'EXTRACT_VALUE_ERROR',
  'CALLED_ELEMENT_ERROR',
  'UNHANDLED_ERROR_EVENT',
  'MESSAGE_SIZE_EXCEEDED',
  'CALLED_DECISION_ERROR',
  'DECISION_EVALUATION_ERROR',
  'FORM_NOT_FOUND',
  'RESOURCE_NOT_FOUND',
];
const INCIDENT_STATES = ['ACTIVE', 'MIGRATED', 'RESOLVED', 'PENDING'];

interface IncidentRow {
  incident_key: unknown;
  process_instance_key: unknown;
  element_instance_key: unknown;
  job_key: unknown;
  element_id: string;
  error_type: string;
  error_message: string;
  state: string;
  created_at: unknown;
  definition_key: unknown;
  bpmn_process_id: string;
}

/**
 * Incidents in the shape of Camunda 8.8's IncidentResult (POST /v2/incidents/search,
 * GET /v2/incidents/{incidentKey}). As in 8.8, filters take exact values, except creationTime.
 */
export const incidents: ResourceSpec<IncidentRow> = {
  label: 'Incident',
  search: () => ({
    from: 'engine_incidents inc JOIN engine_process_instances pi ON pi.instance_key = inc.process_instance_key',
    select: `inc.incident_key, inc.process_instance_key, inc.element_instance_key, inc.job_key, inc.element_id,
      inc.error_type, inc.error_message, inc.state, inc.created_at, pi.definition_key, pi.bpmn_process_id`,
    filters: {
      processDefinitionId: { kind: 'string', sql: 'pi.bpmn_process_id' },
      errorType: { kind: 'enum', sql: 'inc.error_type', values: ERROR_TYPES },
      errorMessage: { kind: 'string', sql: 'inc.error_message' },
      elementId: { kind: 'string', sql: 'inc.element_id' },
      creationTime: { kind: 'date', sql: 'inc.created_at', ops: RANGE_OPS },
      state: { kind: 'enum', sql: 'inc.state', values: INCIDENT_STATES },
      tenantId: { kind: 'string', sql: TENANT_SQL },
      incidentKey: { kind: 'key', sql: 'inc.incident_key' },
      processDefinitionKey: { kind: 'key', sql: 'pi.definition_key' },
      processInstanceKey: { kind: 'key', sql: 'inc.process_instance_key' },
      elementInstanceKey: { kind: 'key', sql: 'inc.element_instance_key' },
      jobKey: { kind: 'key', sql: 'inc.job_key', nullable: true },
    },
    sorts: {
      incidentKey: ['inc.incident_key'],
      processDefinitionKey: ['pi.definition_key'],
      processDefinitionId: ['pi.bpmn_process_id'],
      processInstanceKey: ['inc.process_instance_key'],
      errorType: ['inc.error_type'],
      errorMessage: ['inc.error_message'],
      elementId: ['inc.element_id'],
      elementInstanceKey: ['inc.element_instance_key'],
      creationTime: ['inc.created_at'],
      state: ['inc.state'],
      jobKey: ['inc.job_key'],
      tenantId: [TENANT_SQL],
    },
    tiebreak: ['inc.incident_key'],
  }),
  byKey: keyEquals('inc.incident_key', 'incidentKey'),
  toItem: (row) => ({
    incidentKey: String(row.incident_key),
    processDefinitionKey: String(row.definition_key),
    processDefinitionId: row.bpmn_process_id,
    processInstanceKey: String(row.process_instance_key),
    errorType: row.error_type,
    errorMessage: row.error_message,
    elementId: row.element_id,
    elementInstanceKey: String(row.element_instance_key),
    creationTime: iso(row.created_at),
    state: row.state,
    ...(row.job_key === null || row.job_key === undefined ? {} : { jobKey: String(row.job_key) }),
    tenantId: DEFAULT_TENANT,
  }),
};
