/** The Camunda 8.8 read shapes the operations screens use (POST /v2/.../search answers). */

export interface Page<T> {
  items: T[];
  page: { totalItems: number };
}

export interface ProcessDefinition {
  processDefinitionKey: string;
  processDefinitionId: string;
  name?: string;
  resourceName: string;
  version: number;
}

export type InstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
export const INSTANCE_STATES: readonly InstanceState[] = ['ACTIVE', 'COMPLETED', 'TERMINATED'];

export interface ProcessInstance {
  processInstanceKey: string;
  processDefinitionId: string;
  processDefinitionName: string;
  processDefinitionVersion: number;
  processDefinitionKey: string;
  startDate: string;
  endDate?: string;
  state: InstanceState;
  hasIncident: boolean;
}

export interface ElementInstance {
  elementInstanceKey: string;
  processInstanceKey: string;
  elementId: string;
  elementName: string;
  type: string;
  state: InstanceState;
  startDate: string;
  endDate?: string;
  hasIncident: boolean;
  incidentKey?: string;
}

export interface Variable {
  variableKey: string;
  name: string;
  /** JSON text, masked by the server for the caller's roles. */
  value: string;
  scopeKey: string;
  processInstanceKey: string;
  isTruncated?: boolean;
}

export interface Incident {
  incidentKey: string;
  processInstanceKey: string;
  errorType: string;
  errorMessage: string;
  elementId: string;
  elementInstanceKey: string;
  creationTime: string;
  state: 'ACTIVE' | 'MIGRATED' | 'RESOLVED' | 'PENDING';
  jobKey?: string;
}

/** One element of the heatmap (GET /api/operations/process-definitions/{key}/statistics). */
export interface ElementStatistics {
  elementId: string;
  active: number;
  completed: number;
  terminated?: number;
  incidents: number;
  averageDurationMs: number | null;
}

/** A search body of the read API: filter, sort and page, all optional. */
export interface SearchBody {
  filter?: Record<string, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' }[];
  page?: { from?: number; limit: number };
}
