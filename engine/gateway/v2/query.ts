import type { StoreTransaction } from '../../embedded/store/store.ts';
import { and, type Clause, compileFilter, type Dialect, type FilterField, isObject } from './filters.ts';
import { ReadApiError } from './problem.ts';

/** What one search endpoint reads: its tables, its filter fields and its sortable fields. */
export interface SearchSpec {
  /** FROM clause, tables with aliases. */
  from: string;
  select: string;
  filters: Record<string, FilterField>;
  /** Sort field → SQL expressions, whitelisted. */
  sorts: Record<string, string[]>;
  /** Appended to every ORDER BY so pages never overlap: the row's unique key. */
  tiebreak: string[];
  /** Camunda 8.8 fields the embedded engine cannot answer yet: named in the 400, not "unknown". */
  unsupported?: readonly string[];
}

export interface SearchQuery {
  where: Clause;
  orderBy: string;
  offset: number;
  limit: number;
}

export interface PageInfo {
  totalItems: number;
  hasMoreTotalItems: boolean;
  startCursor?: string;
  endCursor?: string;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 10_000;
const BODY_KEYS = ['filter', 'sort', 'page'];
const own = (record: object, key: string) => Object.hasOwn(record, key);

/** Checks a search body (`{filter, sort, page}`, all optional) against `spec`; every mistake is a 400. */
export function parseSearch(body: unknown, spec: SearchSpec, dialect: Dialect): SearchQuery {
  if (body === null || body === undefined) body = {};
  if (!isObject(body)) throw ReadApiError.invalid('The request body must be a JSON object');
  for (const key of Object.keys(body)) {
    if (!BODY_KEYS.includes(key)) {
      throw ReadApiError.invalid(`${key} is not a property of a search request; use filter, sort and page`);
    }
  }
  return {
    where: parseFilter(body.filter, spec, dialect),
    orderBy: parseSort(body.sort, spec),
    ...parsePage(body.page),
  };
}

function parseFilter(filter: unknown, spec: SearchSpec, dialect: Dialect): Clause {
  if (filter === undefined || filter === null) return and([]);
  if (!isObject(filter)) throw ReadApiError.invalid('filter must be an object');
  const clauses = Object.entries(filter).map(([name, value]) => {
    if (spec.unsupported?.includes(name)) {
      throw ReadApiError.invalid(`filter.${name} is not supported by the embedded engine yet`);
    }
    const field = own(spec.filters, name) ? spec.filters[name] : undefined;
    if (!field) {
      throw ReadApiError.invalid(
        `filter.${name} is not a filter field here; use one of ${Object.keys(spec.filters).join(', ')}`,
      );
    }
    return compileFilter(field, value, `filter.${name}`, dialect);
  });
  return and(clauses);
}

function parseSort(sort: unknown, spec: SearchSpec): string {
  if (sort !== undefined && sort !== null && !Array.isArray(sort)) {
    throw ReadApiError.invalid('sort must be an array of {"field", "order"} objects');
  }
  const terms = ((sort as unknown[] | null | undefined) ?? []).flatMap((item, i) => {
    const path = `sort[${i}]`;
    if (!isObject(item)) throw ReadApiError.invalid(`${path} must be an object with field and order`);
    for (const key of Object.keys(item)) {
      if (key !== 'field' && key !== 'order')
        throw ReadApiError.invalid(`${path}.${key} is not a sort property`);
    }
    const { field, order = 'ASC' } = item;
    if (typeof field === 'string' && spec.unsupported?.includes(field)) {
      throw ReadApiError.invalid(`${path}.field ${field} is not supported by the embedded engine yet`);
    }
    const columns = typeof field === 'string' && own(spec.sorts, field) ? spec.sorts[field] : undefined;
    if (!columns) {
      throw ReadApiError.invalid(
        `${path}.field must be one of ${Object.keys(spec.sorts).join(', ')}, but was ${JSON.stringify(field)}`,
      );
    }
    // Camunda's schema has exactly these two values (SortOrderEnum), upper case.
    const direction = order;
    if (direction !== 'ASC' && direction !== 'DESC') {
      throw ReadApiError.invalid(`${path}.order must be ASC or DESC, but was ${JSON.stringify(order)}`);
    }
    return columns.map((column) => `${column} ${direction}`);
  });
  return [...terms, ...spec.tiebreak.map((column) => `${column} ASC`)].join(', ');
}

/** Offset paging (`from`/`limit`), and Camunda's cursors (`after`/`before`), which here hold a position. */
function parsePage(page: unknown): { offset: number; limit: number } {
  if (page === undefined || page === null) return { offset: 0, limit: DEFAULT_LIMIT };
  if (!isObject(page)) throw ReadApiError.invalid('page must be an object');
  for (const key of Object.keys(page)) {
    if (!['from', 'limit', 'after', 'before'].includes(key)) {
      throw ReadApiError.invalid(
        `page.${key} is not a page property; use from and limit, or after or before`,
      );
    }
  }
  const { from, limit = DEFAULT_LIMIT, after, before } = page;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw ReadApiError.invalid(`page.limit must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  const cursors = [after, before].filter((c) => c !== undefined).length;
  if (cursors > 1 || (cursors === 1 && from !== undefined)) {
    throw ReadApiError.invalid('page takes from, after or before, but only one of them');
  }
  if (after !== undefined) return { offset: decodeCursor(after, 'page.after') + 1, limit };
  if (before !== undefined) {
    const position = decodeCursor(before, 'page.before');
    const offset = Math.max(0, position - limit);
    return { offset, limit: position - offset };
  }
  if (from === undefined) return { offset: 0, limit };
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
    throw ReadApiError.invalid('page.from must be a whole number, 0 or more');
  }
  return { offset: from, limit };
}

// A cursor is opaque to clients, as in Camunda (base64 of a JSON array); here it holds the
// item's position in the sorted result.
const encodeCursor = (position: number) => btoa(JSON.stringify([position]));

function decodeCursor(cursor: unknown, path: string): number {
  try {
    const [position] = JSON.parse(atob(String(cursor))) as unknown[];
    if (typeof cursor === 'string' && Number.isSafeInteger(position) && (position as number) >= 0) {
      return position as number;
    }
  } catch {}
  throw ReadApiError.invalid(`${path} must be a startCursor or endCursor this API returned`);
}

/** Runs a parsed search: the page of rows and the count of all matches, in one transaction. */
export async function runSearch<Row>(
  tx: StoreTransaction,
  spec: SearchSpec,
  query: SearchQuery,
): Promise<{ rows: Row[]; page: PageInfo }> {
  const { where, orderBy, offset, limit } = query;
  const [count] = await tx.all<{ total: unknown }>(
    `SELECT COUNT(*) AS total FROM ${spec.from} WHERE ${where.sql}`,
    where.params,
  );
  const totalItems = Number(count?.total ?? 0);
  // Both numbers are validated integers; inlined because mysql2 refuses LIMIT placeholders.
  const rows =
    limit === 0 || offset >= totalItems
      ? []
      : await tx.all<Row>(
          `SELECT ${spec.select} FROM ${spec.from} WHERE ${where.sql} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`,
          where.params,
        );
  const page: PageInfo = { totalItems, hasMoreTotalItems: false };
  if (rows.length > 0) {
    page.startCursor = encodeCursor(offset);
    page.endCursor = encodeCursor(offset + rows.length - 1);
  }
  return { rows, page };
}
