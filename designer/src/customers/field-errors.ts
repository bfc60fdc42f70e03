import { ApiError } from '../api.ts';

/** The server names a bad field by its path in the request (`body.nik`, `query.q`); the form by its own name. */
export function fieldName(path: string): string {
  return path.replace(/^(body|query|params?)\./, '');
}

/**
 * The server's field errors keyed by form field (`body.consents.0.channel` → `consents`
 * unless the form names the full path), the first message of each field kept.
 */
export function fieldErrors(error: unknown, known: readonly string[] = []): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const { field, message } of error.errors) {
    const name = fieldName(field);
    const key = known.includes(name) ? name : (name.split('.')[0] ?? name);
    out[key] ??= message;
  }
  return out;
}
