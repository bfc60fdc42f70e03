import {
  maskPersonalFields,
  maskValue,
  PERSONAL_FIELD_KINDS,
  personalFieldKind,
  seesClear,
} from '../audit/personal-data.ts';

/**
 * The server's side of the /v2 read API (DESIGN seam 3): the engine knows nothing of
 * customers, so personal fields in process variables are masked here, by variable and field
 * name, for the caller's roles — the same on the embedded engine and on Camunda's own API.
 */

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A variable's JSON text with personal parts masked: the whole value when the name is personal. */
export function maskVariableValue(name: string, text: string, roles: readonly string[]): string {
  const kind = personalFieldKind(name);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // A value cut short by the search (isTruncated) is not JSON: mask field by field in the text.
    if (kind && !seesClear(roles, kind)) return JSON.stringify(maskValue(kind, text));
    return text.replace(
      /"((?:[^"\\]|\\.)+)"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)/g,
      (whole, key: string, raw: string) => {
        const inner = personalFieldKind(key);
        if (!inner || seesClear(roles, inner)) return whole;
        const value = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
        return `"${key}":${JSON.stringify(maskValue(inner, value))}`;
      },
    );
  }
  const masked = kind
    ? maskPersonalFields({ [name]: parsed }, roles)[name]
    : maskPersonalFields(parsed, roles);
  return JSON.stringify(masked);
}

function maskVariable(item: unknown, roles: readonly string[]): unknown {
  if (!isObject(item) || typeof item.name !== 'string' || typeof item.value !== 'string') return item;
  return { ...item, value: maskVariableValue(item.name, item.value, roles) };
}

const VARIABLE_SEARCH = /^\/v2\/variables\/search$/;
const VARIABLE_GET = /^\/v2\/variables\/[^/]+$/;
const INSTANCE_SEARCH = /^\/v2\/process-instances\/search$/;

/** Masks the variables in a /v2 answer; other answers pass unchanged. */
export async function maskReadAnswer(
  path: string,
  response: Response,
  roles: readonly string[],
): Promise<Response> {
  const search = VARIABLE_SEARCH.test(path);
  if ((!search && !VARIABLE_GET.test(path)) || !response.ok) return response;
  const body = (await response.json()) as Record<string, unknown>;
  const masked =
    search && Array.isArray(body.items)
      ? { ...body, items: body.items.map((item) => maskVariable(item, roles)) }
      : maskVariable(body, roles);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(masked), { status: response.status, headers });
}

const seesAll = (roles: readonly string[]) => PERSONAL_FIELD_KINDS.every((kind) => seesClear(roles, kind));

/**
 * Filtering or sorting on variable values could reveal a masked value one guess at a time,
 * so a caller who does not see personal fields in clear may do it only on a variable named
 * exactly and not personal. Returns why a request is refused, or undefined.
 */
export function refusedValueQuery(path: string, body: unknown, roles: readonly string[]): string | undefined {
  if (seesAll(roles) || !isObject(body)) return undefined;
  const filter = isObject(body.filter) ? body.filter : {};
  const safeName = (name: unknown) => {
    if (typeof name !== 'string') return false;
    const kind = personalFieldKind(name);
    return !kind || seesClear(roles, kind);
  };
  if (VARIABLE_SEARCH.test(path)) {
    const sortsByValue =
      Array.isArray(body.sort) && body.sort.some((s) => isObject(s) && s.field === 'value');
    if ((filter.value !== undefined || sortsByValue) && !safeName(filter.name))
      return 'Filtering or sorting variables by value needs filter.name naming one variable that is not personal data (NIK, phone, e-mail, account number), or a role that sees personal data in clear';
  }
  if (INSTANCE_SEARCH.test(path) && Array.isArray(filter.variables)) {
    const personal = filter.variables.find((entry) => !isObject(entry) || !safeName(entry.name));
    if (personal)
      return `Filtering process instances by the value of ${isObject(personal) ? String(personal.name) : 'a variable'} would reveal personal data your roles see masked`;
  }
  return undefined;
}
