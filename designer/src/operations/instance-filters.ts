import { jakartaDayStart } from '../format.ts';
import type { InstanceState } from './types.ts';

export interface VariableCondition {
  name: string;
  /** As typed: JSON (`5`, `true`, `"gold"`) or plain text taken as a string; `*` is a wildcard. */
  value: string;
}

export interface InstanceFilters {
  processId: string;
  version: string;
  state: '' | InstanceState;
  incident: '' | 'yes' | 'no';
  /** Jakarta calendar days, `YYYY-MM-DD`, both inclusive. */
  from: string;
  to: string;
  variables: VariableCondition[];
}

export const NO_FILTERS: InstanceFilters = {
  processId: '',
  version: '',
  state: '',
  incident: '',
  from: '',
  to: '',
  variables: [],
};

/**
 * The read API compares a variable's stored JSON text, so what a person types becomes JSON:
 * valid JSON stays as it is (normalised), anything else is a string.
 */
export function variableValueFilter(typed: string): string | { $like: string } {
  const trimmed = typed.trim();
  let json: string;
  try {
    json = JSON.stringify(JSON.parse(trimmed));
  } catch {
    json = JSON.stringify(trimmed);
  }
  return json.includes('*') ? { $like: json } : json;
}

/** The `filter` of POST /v2/process-instances/search for these filters. */
export function toSearchFilter(filters: InstanceFilters): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (filters.processId) filter.processDefinitionId = filters.processId;
  if (filters.processId && filters.version) filter.processDefinitionVersion = Number(filters.version);
  if (filters.state) filter.state = filters.state;
  if (filters.incident) filter.hasIncident = filters.incident === 'yes';
  const startDate: Record<string, string> = {};
  if (filters.from) startDate.$gte = jakartaDayStart(filters.from);
  if (filters.to) startDate.$lt = jakartaDayStart(filters.to, true);
  if (Object.keys(startDate).length > 0) filter.startDate = startDate;
  const variables = filters.variables
    .filter((condition) => condition.name.trim() !== '')
    .map((condition) => ({ name: condition.name.trim(), value: variableValueFilter(condition.value) }));
  if (variables.length > 0) filter.variables = variables;
  return filter;
}
