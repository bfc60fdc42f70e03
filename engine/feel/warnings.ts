import type { Warning } from 'feelin';
import { isContext } from './values.ts';

/**
 * Zeebe appends feel-scala's suppressed failures to an incident message as `[TYPE] message`
 * lines. feelin reports the same situations under the same type names but in its own words;
 * we restate the common ones in feel-scala's words and pass the rest through.
 */
export function zeebeWarning(warning: Warning): string {
  const key = /^Property '(.*)' not found in \{target\}$/s.exec(warning.details.template)?.[1];
  if (warning.type === 'NO_PROPERTY_FOUND' && key !== undefined && warning.details.values.target === null) {
    // feelin calls a path on null a missing property; feel-scala a missing context entry.
    return `[NO_CONTEXT_ENTRY_FOUND] No context entry found with key '${key}'. The context is null`;
  }
  return `[${warning.type}] ${describe(warning)}`;
}

/** The suffix Zeebe's ExpressionProcessor adds to a failure message when there are warnings. */
export function warningsSuffix(warnings: readonly string[]): string {
  return warnings.length === 0
    ? ''
    : ` The evaluation reported the following warnings:\n${warnings.join('\n')}`;
}

function describe(warning: Warning): string {
  const { template, values } = warning.details;
  switch (warning.type) {
    case 'NO_VARIABLE_FOUND': {
      const name = /^Variable '(.*)' not found$/s.exec(template)?.[1];
      return name === undefined ? warning.message : `No variable found with name '${name}'`;
    }
    case 'NO_CONTEXT_ENTRY_FOUND': {
      const key = /^Key '(.*)' not found in \{target\}$/s.exec(template)?.[1];
      if (key === undefined || !isContext(values.target)) return warning.message;
      const keys = Object.keys(values.target);
      const detail =
        keys.length === 0
          ? 'The context is empty'
          : `Available keys: ${keys.map((k) => `'${k}'`).join(', ')}`;
      return `No context entry found with key '${key}'. ${detail}`;
    }
    default:
      return warning.message;
  }
}
