// The engine's FEEL layer: feelin plus Camunda's extensions, Zeebe's parse rules and value forms.
import { FeelError } from './errors.ts';
import { evaluateDetailed, typeMismatchMessage } from './evaluation.ts';
import { analyse } from './syntax.ts';

export { FeelError } from './errors.ts';
export { type Evaluation, evaluateDetailed, typeMismatchMessage } from './evaluation.ts';
export { checkUnaryTests, evaluateUnaryTests } from './unary-tests.ts';
export type { ResultType } from './values.ts';

/** Returns undefined when `source` (FEEL without the leading '=') parses, else a one-line syntax error message. */
export function checkExpression(source: string): string | undefined {
  return analyse(source).error;
}

/**
 * Evaluates `source` (no leading '=') against `variables` at engine time `now` (epoch ms).
 * A missing variable or path is null. Returns the JSON value Zeebe would store; throws FeelError.
 */
export function evaluate(source: string, variables: Record<string, unknown>, now: number): unknown {
  return evaluateDetailed(source, variables, now).value;
}

/** Like evaluate, but anything other than a boolean (null included) fails with Zeebe's message. */
export function evaluateBoolean(source: string, variables: Record<string, unknown>, now: number): boolean {
  const result = evaluateDetailed(source, variables, now);
  if (typeof result.value !== 'boolean') throw new FeelError(typeMismatchMessage(source, 'BOOLEAN', result));
  return result.value;
}
