import type { SqlValue } from '../../embedded/store/store.ts';
import { and, type Clause, isObject, KEY_OPS, STRING_OPS } from './filters.ts';
import { ReadApiError } from './problem.ts';
import { DEFAULT_TENANT, type ResourceSpec, TENANT_SQL } from './resource.ts';

/** Search answers cut values longer than this, as Camunda does (its default threshold). */
export const TRUNCATE_AT = 8191;

/**
 * The engine keeps no key per variable: a variable is its scope and its name. So the
 * variableKey is both, reversibly: `<scopeKey>-<name as base64url>`, e.g.
 * `2251799813685251-YW1vdW50` for `amount`. Stable for the variable's life, opaque to clients
 * (Camunda's keys are strings too), and a filter or GET on it is an exact primary-key lookup.
 */
export function variableKey(scopeKey: string, name: string): string {
  const binary = String.fromCharCode(...new TextEncoder().encode(name));
  return `${scopeKey}-${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** The scope and name in a variableKey; throws a 400 naming `path` when it is not one. */
export function parseVariableKey(key: unknown, path: string): { scopeKey: string; name: string } {
  const match = typeof key === 'string' ? /^(\d{1,19})-([A-Za-z0-9_-]+)$/.exec(key) : null;
  if (match) {
    try {
      const binary = atob((match[2] as string).replace(/-/g, '+').replace(/_/g, '/'));
      const name = new TextDecoder('utf-8', { fatal: true }).decode(
        Uint8Array.from(binary, (c) => c.charCodeAt(0)),
      );
      const scopeKey = match[1] as string;
      if (variableKey(scopeKey, name) === key) return { scopeKey, name };
    } catch {}
  }
  throw ReadApiError.invalid(
    `${path} must be a variableKey this API returned, but was ${JSON.stringify(key)}`,
  );
}

const keyClause = (key: unknown, path: string): Clause => {
  const { scopeKey, name } = parseVariableKey(key, path);
  return { sql: 'v.scope_key = ? AND v.name = ?', params: [scopeKey, name] };
};

function variableKeyFilter(value: unknown, path: string): Clause {
  if (!isObject(value)) return keyClause(value, path);
  const clauses = Object.entries(value).map(([op, operand]): Clause => {
    const at = `${path}.${op}`;
    if (op === '$eq') return keyClause(operand, at);
    if (op === '$neq') return not(keyClause(operand, at));
    if (op === '$exists') {
      if (typeof operand !== 'boolean') throw ReadApiError.invalid(`${at} must be true or false`);
      return { sql: operand ? '1 = 1' : '1 = 0', params: [] };
    }
    if (op === '$in' || op === '$notIn') {
      if (!Array.isArray(operand)) throw ReadApiError.invalid(`${at} must be an array`);
      const any = operand.map((key, i) => keyClause(key, `${at}[${i}]`));
      const sql = any.length === 0 ? '1 = 0' : any.map((c) => `(${c.sql})`).join(' OR ');
      const clause = { sql, params: any.flatMap((c) => c.params) as SqlValue[] };
      return op === '$in' ? clause : not(clause);
    }
    throw ReadApiError.invalid(`${at} is not an operator of this field; use one of ${KEY_OPS.join(', ')}`);
  });
  return and(clauses);
}

const not = (clause: Clause): Clause => ({ sql: `NOT (${clause.sql})`, params: clause.params });

interface VariableRow {
  scope_key: unknown;
  name: string;
  value: string;
  process_instance_key: unknown;
}

function base(row: VariableRow) {
  const scopeKey = String(row.scope_key);
  return {
    variableKey: variableKey(scopeKey, row.name),
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
      select: 'v.scope_key, v.name, v.value, v.process_instance_key',
      filters: {
        name: { kind: 'string', sql: 'v.name', ops: STRING_OPS },
        value: { kind: 'string', sql: 'v.value', ops: STRING_OPS },
        tenantId: { kind: 'string', sql: TENANT_SQL },
        isTruncated: { kind: 'boolean', sql: `${length}(v.value) > ${TRUNCATE_AT}` },
        variableKey: { kind: 'custom', compile: variableKeyFilter },
        scopeKey: { kind: 'key', sql: 'v.scope_key', ops: KEY_OPS },
        processInstanceKey: { kind: 'key', sql: 'v.process_instance_key', ops: KEY_OPS },
      },
      sorts: {
        value: ['v.value'],
        name: ['v.name'],
        tenantId: [TENANT_SQL],
        variableKey: ['v.scope_key', 'v.name'],
        scopeKey: ['v.scope_key'],
        processInstanceKey: ['v.process_instance_key'],
      },
      tiebreak: ['v.scope_key', 'v.name'],
    };
  },
  byKey: (key) => keyClause(key, 'variableKey'),
  toItem: (row) => {
    const chars = row.value.length > TRUNCATE_AT ? Array.from(row.value) : undefined;
    const isTruncated = chars !== undefined && chars.length > TRUNCATE_AT;
    const value = isTruncated ? chars.slice(0, TRUNCATE_AT).join('') : row.value;
    return { ...base(row), value, isTruncated };
  },
  toDetail: (row) => ({ ...base(row), value: row.value }),
};
