import { parseUnaryTests, unaryTest } from 'feelin';
import { FeelError } from './errors.ts';
import { camundaFunctions } from './functions.ts';
import { DIALECT } from './syntax.ts';

/**
 * FEEL unary tests (DMN input entries): `"a","b"`, `< 5`, `[1..3]`, `not("x")`, `-`, `? > limit`.
 * The input value is bound to `?`; an empty source matches anything, as in dmn-scala.
 */

const PLAIN_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** Returns undefined when `source` parses as unary tests, else a one-line syntax error message. */
export function checkUnaryTests(source: string): string | undefined {
  if (source.trim() === '') return undefined;
  let problem: string | undefined;
  parseUnaryTests(source, {}, DIALECT).iterate({
    enter(ref) {
      if (problem !== undefined) return false;
      if (ref.type.isError) problem = describe(source, ref.from, ref.to);
      return undefined;
    },
  });
  return problem && `failed to parse unary-tests '${oneLine(source)}': ${problem}`;
}

/** Whether `input` passes the unary tests; null when the tests give null (no match). Throws FeelError. */
export function evaluateUnaryTests(
  source: string,
  input: unknown,
  variables: Record<string, unknown>,
  now: number,
): boolean | null {
  if (source.trim() === '') return true;
  const error = checkUnaryTests(source);
  if (error !== undefined) throw new FeelError(error);
  const context: Record<string, unknown> = { ...camundaFunctions({ now, onAssertFailure: () => {} }) };
  // As in evaluation.ts: a variable named like `a-b` would change how feelin parses the source.
  for (const [name, value] of Object.entries(variables)) if (PLAIN_NAME.test(name)) context[name] = value;
  context['?'] = input === undefined ? null : input;
  let value: unknown;
  try {
    value = unaryTest(source, context, DIALECT).value;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new FeelError(`failed to evaluate unary-tests '${oneLine(source)}': ${reason}`, { cause });
  }
  if (value === true || value === false || value === null || value === undefined) return value ?? null;
  throw new FeelError(
    `failed to evaluate unary-tests '${oneLine(source)}': input entry must return true, false, or null, but found '${String(value)}'`,
  );
}

function describe(source: string, from: number, to: number): string {
  if (from >= source.trimEnd().length) return `unexpected end of unary-tests at position ${from}`;
  return `unexpected '${oneLine(source.slice(from, Math.max(to, from + 1)))}' at position ${from}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
