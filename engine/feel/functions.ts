import { randomUUID } from 'node:crypto';
import { FeelDuration, evaluate as feelinEvaluate } from 'feelin';
import { feelNow, feelToday } from './clock.ts';
import { defineFunction, type FeelCallable, isNil } from './define.ts';
import { EXTRA_FUNCTIONS } from './functions-extra.ts';

/**
 * Camunda's FEEL extensions that feelin lacks, Zeebe's `cycle`, and overrides where feelin's
 * version differs (`now`/`today` on the engine clock, four-argument `string join`). They are
 * put into every evaluation's context; failures return null, as feel-scala does since 1.17.
 */

const CORE_FUNCTIONS: Record<string, FeelCallable> = {
  // Deprecated in Camunda but still shipped: a missing variable is null, so this is `!= null`.
  'is defined': defineFunction(['value'], (value: unknown) => !isNil(value)),

  'get or else': defineFunction(['value', 'default'], (value: unknown, fallback: unknown) =>
    isNil(value) ? (fallback ?? null) : value,
  ),

  'is empty': defineFunction(['list'], (list: unknown) => (Array.isArray(list) ? list.length === 0 : null)),

  'is blank': defineFunction(['string'], (text: unknown) =>
    typeof text === 'string' ? [...text].every((char) => isJavaWhitespace(char.charCodeAt(0))) : null,
  ),

  trim: defineFunction(['string'], (text: unknown) => (typeof text === 'string' ? javaTrim(text) : null)),

  uuid: defineFunction([], () => randomUUID()),

  // feelin's own takes at most two arguments; Camunda's also wraps the result in prefix/suffix.
  'string join': defineFunction(
    ['list', 'delimiter', 'prefix', 'suffix'],
    (list: unknown, delimiter: unknown, prefix: unknown, suffix: unknown) => {
      if (!Array.isArray(list) || list.some((item) => !isNil(item) && typeof item !== 'string')) return null;
      if (![delimiter, prefix, suffix].every((part) => isNil(part) || typeof part === 'string')) return null;
      const joined = list.filter((item) => !isNil(item)).join((delimiter as string | null) ?? '');
      return `${(prefix as string | null) ?? ''}${joined}${(suffix as string | null) ?? ''}`;
    },
  ),

  // Zeebe's timer helpers (FeelFunctionProvider): cycle(interval) and cycle(repetitions, interval).
  cycle: defineFunction(['repetitions', 'interval'], (first: unknown, second: unknown) => {
    if (second === undefined) return first instanceof FeelDuration ? `R/${first.iso}` : null;
    if (!(second instanceof FeelDuration)) return null;
    if (isNil(first)) return `R/${second.iso}`;
    return typeof first === 'number' ? `R${Math.trunc(first)}/${second.iso}` : null;
  }),
};

/** Per evaluation: the engine time, and where `assert` reports a failed condition. */
export interface FunctionScope {
  now: number;
  onAssertFailure(message: string): void;
}

/** The functions for one evaluation; evaluation.ts keeps same-named variables from hiding them. */
export function camundaFunctions(scope: FunctionScope): Record<string, FeelCallable> {
  return {
    ...CORE_FUNCTIONS,
    ...EXTRA_FUNCTIONS,
    now: defineFunction([], () => feelNow(scope.now)),
    today: defineFunction([], () => feelToday(scope.now)),
    // feel-scala records the failure and finishes the evaluation, which then fails as a whole.
    assert: defineFunction(
      ['value', 'condition', 'cause'],
      (value: unknown, condition: unknown, cause: unknown) => {
        if (condition === true) return value ?? null;
        scope.onAssertFailure(typeof cause === 'string' ? cause : 'The condition is not fulfilled');
        return null;
      },
    ),
  };
}

/** Every name camundaFunctions defines; the parser must know the multi-word ones. */
export const CAMUNDA_FUNCTION_NAMES: readonly string[] = Object.keys(
  camundaFunctions({ now: 0, onAssertFailure: () => {} }),
);

const builtins = new Map<string, unknown>();

/** feelin's own built-in function of that name, if any (a backtick name resolves to it). */
export function feelinBuiltin(name: string): unknown {
  if (!builtins.has(name)) {
    const value = name.includes('`') ? undefined : feelinEvaluate(`\`${name}\``, {}, 'camunda').value;
    builtins.set(name, typeof value === 'function' ? value : undefined);
  }
  return builtins.get(name);
}

/** Java's String.trim: strips code points up to U+0020 at both ends, nothing else. */
function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start += 1;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end -= 1;
  return text.slice(start, end);
}

/** Java's Character.isWhitespace, which String.isBlank uses: no-break spaces do not count. */
function isJavaWhitespace(code: number): boolean {
  if ((code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x20)) return true;
  if (code === 0x1680 || code === 0x2028 || code === 0x2029 || code === 0x205f || code === 0x3000)
    return true;
  return code >= 0x2000 && code <= 0x200a && code !== 0x2007;
}
