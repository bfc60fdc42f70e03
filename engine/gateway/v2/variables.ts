import { KEY_OPS, STRING_OPS } from './filters.ts';
import { DEFAULT_TENANT, keyEquals, type ResourceSpec, TENANT_SQL } from './resource.ts';

/** Search answers cut values longer than this, as Camunda does (its default threshold). */
export const TRUNCATE_AT = 8191;

interface VariableRow {
  variable_key: unknown;
  scope_key: unknown;
  name: string;
  value: string;
  process_instance_key: unknown;
}

function base(row: VariableRow) {
  const scopeKey = String(row.scope_key);
  return {
    variableKey: String(row.variable_key),
    name: row.name,
    scopeKey,
    processInstanceKey: String(row.process_instance_key),
    tenantId: DEFAULT_TENANT,
  };
}

/**
 * Variables in the shape of Camunda 8.8's VariableSearchResult (POST /v2/variables/search:
 * value cut at TRUNCATE_AT characters, with isTruncated) and VariableResult
 * (GET /v2/variables/{variableKey}: the full value). Values are JSON text.
 */
export const variables: ResourceSpec<VariableRow> = {
  label: 'Variable',
  search: (dialect) => {
    const length = dialect === 'mysql' ? 'CHAR_LENGTH' : 'LENGTH';
    return {
      from: 'engine_variables v',
      select: 'v.variable_key, v.scope_key, v.name, v.value, v.process_instance_key',
      filters: {
        name: { kind: 'string', sql: 'v.name', ops: STRING_OPS },
        value: { kind: 'string', sql: 'v.value', ops: STRING_OPS },
        tenantId: { kind: 'string', sql: TENANT_SQL },
        isTruncated: { kind: 'boolean', sql: `${length}(v.value) > ${TRUNCATE_AT}` },
        variableKey: { kind: 'key', sql: 'v.variable_key', ops: KEY_OPS },
        scopeKey: { kind: 'key', sql: 'v.scope_key', ops: KEY_OPS },
        processInstanceKey: { kind: 'key', sql: 'v.process_instance_key', ops: KEY_OPS },
      },
      sorts: {
        value: ['v.value'],
        name: ['v.name'],
        tenantId: [TENANT_SQL],
        variableKey: ['v.variable_key'],
        scopeKey: ['v.scope_key'],
        processInstanceKey: ['v.process_instance_key'],
      },
      tiebreak: ['v.scope_key', 'v.name'],
    };
  },
  byKey: keyEquals('v.variable_key', 'variableKey'),
  toItem: (row) => {
    const chars = row.value.length > TRUNCATE_AT ? Array.from(row.value) : undefined;
    const isTruncated = chars !== undefined && chars.length > TRUNCATE_AT;
    const value = isTruncated ? chars.slice(0, TRUNCATE_AT).join('') : row.value;
    return { ...base(row), value, isTruncated };
  },
  toDetail: (row) => ({ ...base(row), value: row.value }),
};
