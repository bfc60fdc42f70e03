import { GatewayError } from './errors.ts';

/** A variables document from a request: empty means none; otherwise a JSON object. */
export function parseVariables(text: unknown, field = 'variables'): Record<string, unknown> {
  if (text === undefined || text === null || text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(String(text));
  } catch (error) {
    throw new GatewayError(
      'INVALID_ARGUMENT',
      `Expected ${field} to be a JSON document, but it could not be parsed: ${(error as Error).message}`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new GatewayError(
      'INVALID_ARGUMENT',
      `Expected ${field} to be a JSON object, but was ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`,
    );
  }
  return value as Record<string, unknown>;
}

/** int64 fields arrive as decimal strings (proto-loader `longs: String`). */
export function int(value: unknown): number {
  return Number(value ?? 0);
}
