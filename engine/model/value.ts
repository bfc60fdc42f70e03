import type { ValueOrExpression } from './types.ts';

/**
 * Static text or FEEL, as Zeebe reads attribute values: FEEL when the value matches `=(.+)`,
 * i.e. starts with `=` and has something after it. A lone `=` or ` =x` is static text.
 * The one place the engine tells static values from expressions.
 */
export function parseValue(raw: string): ValueOrExpression {
  return raw.length > 1 && raw.startsWith('=')
    ? { kind: 'expression', source: raw.slice(1) }
    : { kind: 'static', value: raw };
}
