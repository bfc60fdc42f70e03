import { evaluate as feelinEvaluate } from 'feelin';
import type { FeelCallable } from './define.ts';
import { FeelError } from './errors.ts';
import { camundaFunctions, feelinBuiltin } from './functions.ts';
import { quickEvaluation } from './quick.ts';
import { type Analysis, analyse, DIALECT, KEYWORDS, type NameSpan } from './syntax.ts';
import { type ResultType, resultTypeOf, toZeebeValue } from './values.ts';
import { warningsSuffix, zeebeWarning } from './warnings.ts';

/** A successful evaluation: the value as Zeebe stores it, its Zeebe type, and the warnings. */
export interface Evaluation {
  value: unknown;
  type: ResultType;
  /** feel-scala's suppressed failures as Zeebe prints them: `[NO_VARIABLE_FOUND] …`. */
  warnings: string[];
}

export function evaluateDetailed(
  source: string,
  variables: Record<string, unknown>,
  now: number,
): Evaluation {
  // feelin evaluates some invalid input (`=x`, `a b`) rather than rejecting it; Zeebe rejects it.
  const analysis = analyse(source);
  if (analysis.error !== undefined) throw new FeelError(analysis.error);
  const quick = quickEvaluation(source, variables);
  if (quick !== undefined) return quick;

  const assertFailures: string[] = [];
  // Most expressions call no function: then none is built or put into the context.
  const functions =
    analysis.invocations.length === 0
      ? NO_FUNCTIONS
      : camundaFunctions({ now, onAssertFailure: (message) => assertFailures.push(message) });
  const { runnable, context } = prepare(source, analysis, variables, functions);

  let result: ReturnType<typeof feelinEvaluate>;
  try {
    result = feelinEvaluate(runnable, context, DIALECT);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new FeelError(`failed to evaluate expression '${source}': ${reason}`, { cause });
  }

  const warnings = result.warnings.map(zeebeWarning);
  if (result.value === null || result.value === undefined)
    warnings.push(...comparisonWarnings(analysis, variables, functions));
  const [firstFailure] = assertFailures;
  if (firstFailure !== undefined) {
    const all = [...warnings, ...assertFailures.map((message) => `[ASSERT_FAILURE] ${message}`)];
    throw new FeelError(
      `Assertion failure on evaluate the expression '${source}': ${firstFailure}${warningsSuffix(all)}`,
    );
  }
  return { value: toZeebeValue(result.value), type: resultTypeOf(result.value), warnings };
}

/**
 * feel-scala warns when an ordering comparison meets null (`[NOT_COMPARABLE] Can't compare
 * 'null' with '50'`); feelin returns null silently. Only worked out when the result is null,
 * i.e. on the way to an incident message, by evaluating each comparison's operands.
 */
function comparisonWarnings(
  analysis: Analysis,
  variables: Record<string, unknown>,
  functions: Record<string, FeelCallable>,
): string[] {
  const warnings: string[] = [];
  for (const { left, right } of analysis.comparisons) {
    const [a, b] = [operandValue(left, variables, functions), operandValue(right, variables, functions)];
    if ((a === null) !== (b === null))
      warnings.push(`[NOT_COMPARABLE] Can't compare '${feelText(a)}' with '${feelText(b)}'`);
  }
  return warnings;
}

function operandValue(
  source: string,
  variables: Record<string, unknown>,
  functions: Record<string, FeelCallable>,
): unknown {
  const analysis = analyse(source);
  if (analysis.error !== undefined) return undefined;
  try {
    const { runnable, context } = prepare(source, analysis, variables, functions);
    return feelinEvaluate(runnable, context, DIALECT).value ?? null;
  } catch {
    return undefined;
  }
}

function feelText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  const stored = toZeebeValue(value);
  return typeof stored === 'string' ? stored : JSON.stringify(stored);
}

/** Zeebe's incident message for a result of the wrong type, warnings appended as Zeebe does. */
export function typeMismatchMessage(source: string, expected: ResultType, result: Evaluation): string {
  return (
    `Expected result of the expression '${source}' to be '${expected}', but was '${result.type}'.` +
    warningsSuffix(result.warnings)
  );
}

const NO_FUNCTIONS: Record<string, FeelCallable> = Object.freeze({});

/** A name feel-scala can reference without backticks: letters, digits and `_`, not a keyword. */
function isPlainName(name: string): boolean {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) && !KEYWORDS.has(name);
}

interface Prepared {
  runnable: string;
  context: Record<string, unknown>;
}

/**
 * Builds feelin's input so that it reads the source as feel-scala does. feelin parses with the
 * variables in view, so a variable named `a-b` or `years` changes how `a-b` or
 * `years and months duration(…)` parse; and feelin looks functions and variables up in one
 * namespace, where feel-scala keeps two (`count(items)` works beside a variable `count`).
 * So: only plainly named variables go into the context; calls that a variable shadows, and all
 * multi-word calls, are renamed to private aliases; `backtick` references to other variables
 * are renamed the same way.
 */
function prepare(
  source: string,
  analysis: Analysis,
  variables: Record<string, unknown>,
  functions: Record<string, FeelCallable>,
): Prepared {
  // Only the functions the expression calls: feelin copies and scans every context entry.
  const context: Record<string, unknown> = {};
  for (const { name } of analysis.invocations)
    if (Object.hasOwn(functions, name)) context[name] = functions[name];
  for (const [name, value] of Object.entries(variables)) if (isPlainName(name)) context[name] = value;

  const rewrites: { span: NameSpan; value: unknown }[] = [];
  for (const span of analysis.invocations) {
    if (!Object.hasOwn(variables, span.name) && !span.name.includes(' ')) continue;
    const fn = Object.hasOwn(functions, span.name) ? functions[span.name] : feelinBuiltin(span.name);
    if (fn !== undefined) rewrites.push({ span, value: fn });
  }
  for (const span of analysis.backtickRefs) {
    if (!isPlainName(span.name) && Object.hasOwn(variables, span.name)) {
      rewrites.push({ span, value: variables[span.name] });
    }
  }

  let runnable = source;
  // Right to left, so earlier positions stay valid while we splice.
  for (const { span, value } of rewrites.sort((a, b) => b.span.from - a.span.from)) {
    let alias = `zeebeAlias${span.from}`;
    while (Object.hasOwn(context, alias)) alias += '_';
    context[alias] = value;
    runnable = runnable.slice(0, span.from) + alias + runnable.slice(span.to);
  }
  return { runnable, context };
}
