import type { EngineStore } from '../../embedded/store/store.ts';
import type { Clause, Dialect } from './filters.ts';
import type { DefinitionNames } from './names.ts';
import { ReadApiError } from './problem.ts';
import { type PageInfo, parseSearch, runSearch, type SearchSpec } from './query.ts';

/** The tenant of every record: the embedded engine runs without multi-tenancy, as Zeebe's default. */
export const DEFAULT_TENANT = '<default>';
/** The tenant as an SQL expression, so tenantId can be filtered and sorted like a column. */
export const TENANT_SQL = `'${DEFAULT_TENANT}'`;

export const iso = (epochMs: unknown) => new Date(Number(epochMs)).toISOString();

/** How one kind of record is searched, fetched by key and rendered. */
export interface ResourceSpec<Row> {
  /** As in Camunda's 404 detail: "Process Instance with key '…' not found". */
  label: string;
  search: (dialect: Dialect) => SearchSpec;
  /** The WHERE clause for GET by key; throws a 400 for a malformed key. */
  byKey: (key: string) => Clause;
  /** The definition whose BPMN names the row's process and elements, if any. */
  definitionKey?: (row: Row) => string;
  toItem: (row: Row, names: DefinitionNames) => object;
  /** The GET answer, when it differs from a search item (variables: the full value). */
  toDetail?: (row: Row, names: DefinitionNames) => object;
}

export interface ReadResource {
  search(body: unknown): Promise<{ items: object[]; page: PageInfo }>;
  get(key: string): Promise<object>;
}

export function createResource<Row>(
  store: EngineStore,
  names: DefinitionNames,
  spec: ResourceSpec<Row>,
): ReadResource {
  const search = spec.search(store.dialect);
  const keysOf = (rows: Row[]) => (spec.definitionKey ? rows.map(spec.definitionKey) : []);
  return {
    search: async (body) => {
      const query = parseSearch(body, search, store.dialect);
      const { rows, page } = await names.read(
        store,
        (tx) => runSearch<Row>(tx, search, query),
        (result) => keysOf(result.rows),
      );
      return { items: rows.map((row) => spec.toItem(row, names)), page };
    },
    get: async (key) => {
      const where = spec.byKey(key);
      const rows = await names.read(
        store,
        (tx) => tx.all<Row>(`SELECT ${search.select} FROM ${search.from} WHERE ${where.sql}`, where.params),
        keysOf,
      );
      const [row] = rows;
      if (!row) throw ReadApiError.notFound(`${spec.label} with key '${key}' not found`);
      return (spec.toDetail ?? spec.toItem)(row, names);
    },
  };
}

/** The WHERE clause for a numeric key in the path. */
export function keyEquals(column: string, name: string) {
  return (key: string): Clause => {
    if (!/^\d{1,19}$/.test(key)) {
      throw ReadApiError.invalid(`${name} must be a key (a string of digits), but was '${key}'`);
    }
    return { sql: `${column} = ?`, params: [key] };
  };
}
