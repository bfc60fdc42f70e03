import type { EngineStore, SqlValue } from '../../embedded/store/store.ts';
import { ReadApiError } from './problem.ts';

export type Dialect = EngineStore['dialect'];

/** A piece of a WHERE clause with its parameters. */
export interface Clause {
  sql: string;
  params: SqlValue[];
}

/** Camunda's advanced filter operators (`{"$in": [...]}` and friends). */
export type Operator =
  | '$eq'
  | '$neq'
  | '$exists'
  | '$in'
  | '$notIn'
  | '$gt'
  | '$gte'
  | '$lt'
  | '$lte'
  | '$like';

// The operator sets of Camunda 8.8's *FilterProperty schemas.
export const KEY_OPS: readonly Operator[] = ['$eq', '$neq', '$exists', '$in', '$notIn'];
export const STRING_OPS: readonly Operator[] = [...KEY_OPS, '$like'];
export const ENUM_OPS: readonly Operator[] = ['$eq', '$neq', '$exists', '$in', '$like'];
export const RANGE_OPS: readonly Operator[] = ['$eq', '$neq', '$exists', '$gt', '$gte', '$lt', '$lte', '$in'];

/**
 * How one filter field of a search request becomes SQL. `sql` is a column or expression
 * (for booleans, a predicate); without `ops` the field takes an exact value only, as in 8.8.
 */
export type FilterField =
  | {
      kind: 'key' | 'string' | 'integer' | 'date';
      sql: string;
      ops?: readonly Operator[];
      nullable?: boolean;
    }
  | {
      kind: 'enum';
      sql: string;
      values: readonly string[];
      /** Maps an API value to the stored one (SERVICE_TASK → serviceTask). */
      toStored?: (value: string) => string;
      ops?: readonly Operator[];
    }
  | { kind: 'boolean'; sql: string }
  | { kind: 'custom'; compile: (value: unknown, path: string, dialect: Dialect) => Clause };

const MAX_LIST = 1000;
const TRUE: Clause = { sql: '1 = 1', params: [] };
const FALSE: Clause = { sql: '1 = 0', params: [] };

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Compiles the value a request gives for one filter field. */
export function compileFilter(field: FilterField, value: unknown, path: string, dialect: Dialect): Clause {
  if (value === null) throw ReadApiError.invalid(`${path} must not be null`);
  if (field.kind === 'custom') return field.compile(value, path, dialect);
  if (field.kind === 'boolean') {
    if (typeof value !== 'boolean') throw ReadApiError.invalid(`${path} must be true or false`);
    return { sql: value ? `(${field.sql})` : `NOT (${field.sql})`, params: [] };
  }
  if (!isObject(value)) return { sql: `${field.sql} = ?`, params: [scalar(field, value, path)] };
  const ops = field.ops ?? [];
  if (ops.length === 0) throw ReadApiError.invalid(`${path} takes an exact value here, not operators`);
  const entries = Object.entries(value);
  if (entries.length === 0)
    throw ReadApiError.invalid(`${path} names no operator; use one of ${ops.join(', ')}`);
  const clauses = entries.map(([op, operand]) => {
    if (!ops.includes(op as Operator)) {
      throw ReadApiError.invalid(
        `${path}.${op} is not an operator of this field; use one of ${ops.join(', ')}`,
      );
    }
    return compileOperator(field, op as Operator, operand, `${path}.${op}`, dialect);
  });
  return and(clauses);
}

export function and(clauses: Clause[]): Clause {
  if (clauses.length === 0) return TRUE;
  return { sql: clauses.map((c) => `(${c.sql})`).join(' AND '), params: clauses.flatMap((c) => c.params) };
}

type ScalarField = Exclude<FilterField, { kind: 'boolean' | 'custom' }>;

function compileOperator(
  field: ScalarField,
  op: Operator,
  operand: unknown,
  path: string,
  dialect: Dialect,
): Clause {
  const column = field.sql;
  const nullable = 'nullable' in field && field.nullable === true;
  switch (op) {
    case '$exists':
      if (typeof operand !== 'boolean') throw ReadApiError.invalid(`${path} must be true or false`);
      if (!nullable) return operand ? TRUE : FALSE;
      return { sql: `${column} IS ${operand ? 'NOT ' : ''}NULL`, params: [] };
    case '$in':
    case '$notIn': {
      const list = listOf(field, operand, path);
      if (list.length === 0) return op === '$in' ? FALSE : TRUE;
      const marks = list.map(() => '?').join(', ');
      if (op === '$in') return { sql: `${column} IN (${marks})`, params: list };
      return { sql: `${nullable ? `${column} IS NULL OR ` : ''}${column} NOT IN (${marks})`, params: list };
    }
    case '$like':
      if (typeof operand !== 'string') throw ReadApiError.invalid(`${path} must be a string pattern`);
      return like(column, operand, dialect);
    case '$neq':
      return {
        sql: `${nullable ? `${column} IS NULL OR ` : ''}${column} <> ?`,
        params: [scalar(field, operand, path)],
      };
    default: {
      const sign = { $eq: '=', $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op];
      return { sql: `${column} ${sign} ?`, params: [scalar(field, operand, path)] };
    }
  }
}

function listOf(field: ScalarField, operand: unknown, path: string): SqlValue[] {
  if (!Array.isArray(operand)) throw ReadApiError.invalid(`${path} must be an array`);
  if (operand.length > MAX_LIST) throw ReadApiError.invalid(`${path} may hold at most ${MAX_LIST} values`);
  return operand.map((item, i) => scalar(field, item, `${path}[${i}]`));
}

/** Checks one value against the field's kind and converts it to what the column holds. */
function scalar(field: ScalarField, value: unknown, path: string): SqlValue {
  const got = JSON.stringify(value);
  switch (field.kind) {
    case 'key':
      if (typeof value === 'string' && /^\d{1,19}$/.test(value)) return value;
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
      throw ReadApiError.invalid(`${path} must be a key (a string of digits), but was ${got}`);
    case 'string':
      if (typeof value === 'string') return value;
      throw ReadApiError.invalid(`${path} must be a string, but was ${got}`);
    case 'integer':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
      throw ReadApiError.invalid(`${path} must be an integer, but was ${got}`);
    case 'date': {
      const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (!Number.isNaN(ms)) return ms;
      throw ReadApiError.invalid(`${path} must be an ISO 8601 date-time, but was ${got}`);
    }
    case 'enum':
      if (typeof value === 'string' && field.values.includes(value)) return field.toStored?.(value) ?? value;
      throw ReadApiError.invalid(`${path} must be one of ${field.values.join(', ')}, but was ${got}`);
  }
}

/**
 * Camunda's `$like`: `*` any run, `?` one character, `\` escapes. Case-sensitive on both
 * databases: GLOB on SQLite (whose LIKE ignores case), LIKE on MySQL's binary collation.
 */
function like(column: string, pattern: string, dialect: Dialect): Clause {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    const literal = c === '\\' && i + 1 < pattern.length ? (pattern[++i] as string) : undefined;
    if (literal === undefined && (c === '*' || c === '?')) {
      out += dialect === 'sqlite' ? c : c === '*' ? '%' : '_';
    } else {
      const ch = literal ?? c;
      if (dialect === 'sqlite') out += ch === '*' || ch === '?' || ch === '[' ? `[${ch}]` : ch;
      else out += ch === '%' || ch === '_' || ch === '!' ? `!${ch}` : ch;
    }
  }
  return dialect === 'sqlite'
    ? { sql: `${column} GLOB ?`, params: [out] }
    : { sql: `${column} LIKE ? ESCAPE '!'`, params: [out] };
}
