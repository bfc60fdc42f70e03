import { evaluate, evaluateUnaryTests } from '../feel/index.ts';
import { applyHitPolicy, type RuleHit, reportedHits } from './hit-policy.ts';
import {
  type Decision,
  DecisionEvaluationError,
  type DecisionRequirementsGraph,
  type DecisionResult,
  type DecisionTable,
  type EvaluatedDecision,
} from './model.ts';

/**
 * Evaluates a decision of the graph with `variables` at engine time `now` (epoch ms).
 * Required decisions are evaluated first, once each; their results are visible to dependants
 * under their result name (the decision's variable name, else its id), and they come first in
 * `evaluatedDecisions`. Throws DecisionEvaluationError naming the decision that failed.
 */
export function evaluateDecision(
  drg: DecisionRequirementsGraph,
  decisionId: string,
  variables: Record<string, unknown>,
  now: number,
): DecisionResult {
  if (!drg.decisions.has(decisionId)) {
    throw new DecisionEvaluationError(
      decisionId,
      `Expected to evaluate decision '${decisionId}', but no decision found for id '${decisionId}'`,
    );
  }
  const evaluatedDecisions: EvaluatedDecision[] = [];
  const results = new Map<string, unknown>();
  const output = evaluateOnce(drg, decisionId, variables, now, results, evaluatedDecisions);
  return { output, evaluatedDecisions };
}

function evaluateOnce(
  drg: DecisionRequirementsGraph,
  decisionId: string,
  variables: Record<string, unknown>,
  now: number,
  results: Map<string, unknown>,
  evaluated: EvaluatedDecision[],
): unknown {
  if (results.has(decisionId)) return results.get(decisionId);
  const decision = drg.decisions.get(decisionId);
  if (decision === undefined) {
    throw new DecisionEvaluationError(
      decisionId,
      `Expected to evaluate decision '${decisionId}', but it is missing`,
    );
  }
  const context: Record<string, unknown> = { ...variables };
  for (const required of decision.requiredDecisions) {
    const value = evaluateOnce(drg, required, variables, now, results, evaluated);
    context[drg.decisions.get(required)?.resultName ?? required] = value;
  }
  let record: EvaluatedDecision;
  try {
    record = evaluateLogic(decision, context, now);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DecisionEvaluationError(
      decision.id,
      `Expected to evaluate decision '${decision.id}', but ${reason}`,
      {
        cause,
      },
    );
  }
  results.set(decisionId, record.output);
  evaluated.push(record);
  return record.output;
}

function evaluateLogic(decision: Decision, context: Record<string, unknown>, now: number): EvaluatedDecision {
  const base = { decisionId: decision.id, decisionName: decision.name };
  if (decision.logic.kind === 'LITERAL_EXPRESSION') {
    const output = evaluate(decision.logic.expression, context, now);
    return { ...base, decisionType: 'LITERAL_EXPRESSION', output, evaluatedInputs: [], matchedRules: [] };
  }
  return {
    ...base,
    decisionType: 'DECISION_TABLE',
    ...evaluateTable(decision.id, decision.logic, context, now),
  };
}

function evaluateTable(
  decisionId: string,
  table: DecisionTable,
  context: Record<string, unknown>,
  now: number,
): Pick<EvaluatedDecision, 'output' | 'evaluatedInputs' | 'matchedRules'> {
  const evaluatedInputs = table.inputs.map((input) => ({
    inputId: input.id,
    inputName: input.name,
    inputValue: evaluate(input.expression, context, now),
  }));

  const hits: RuleHit[] = [];
  table.rules.forEach((rule, index) => {
    const matches = evaluatedInputs.every(
      ({ inputValue }, column) =>
        evaluateUnaryTests(rule.inputEntries[column] ?? '', inputValue, context, now) === true,
    );
    if (matches) hits.push({ ruleId: rule.id, ruleIndex: index + 1, values: [] });
  });

  // Output entries are evaluated only for the rules that count (FIRST: the first one).
  const reported = reportedHits(table, hits);
  for (const hit of reported) {
    const rule = table.rules[hit.ruleIndex - 1];
    hit.values = table.outputs.map((_, column) => {
      const source = rule?.outputEntries[column] ?? '';
      return source.trim() === '' ? null : evaluate(source, context, now);
    });
  }

  const output = applyHitPolicy(decisionId, table, reported);
  const matchedRules = reported.map((hit) => ({
    ruleId: hit.ruleId,
    ruleIndex: hit.ruleIndex,
    evaluatedOutputs: table.outputs.map((output, column) => ({
      outputId: output.id,
      outputName: output.name,
      outputValue: hit.values[column] ?? null,
    })),
  }));
  return { output, evaluatedInputs, matchedRules };
}
