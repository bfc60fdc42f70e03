import {
  DecisionEvaluationError,
  type DecisionRequirementsGraph,
  type DecisionResult,
  type EvaluatedDecision,
  evaluateDecision,
} from '../dmn/index.ts';
import { DEFAULT_TENANT } from '../embedded/commands/deploy.ts';
import type { CommandProcessor } from '../embedded/processor.ts';
import type { Runtime } from '../embedded/runtime/runtime.ts';
import {
  type DecisionRow,
  decisionByKey,
  decisionsOfDrg,
  drgByKey,
  latestDecision,
  parsedDrg,
} from '../embedded/store/decisions.ts';
import { checkTenant } from './deploy-handler.ts';
import { GatewayError } from './errors.ts';
import type { UnaryHandler } from './grpc-server.ts';
import { parseVariables } from './values.ts';

/**
 * EvaluateDecision (ZEEBE-SEMANTICS §11): the latest version of `decisionId`, else the decision
 * with `decisionKey` (an unset key is 0 and finds nothing). An unknown decision is
 * INVALID_ARGUMENT; a failing evaluation is an OK response naming the decision that failed.
 */
export function evaluateDecisionHandler(processor: CommandProcessor): UnaryHandler {
  return async (request) => {
    checkTenant(request.tenantId, 'EvaluateDecision');
    const variables = parseVariables(request.variables);
    const decisionId = String(request.decisionId ?? '');
    const decisionKey = String(request.decisionKey ?? '0');
    return processor.run((rt) => evaluate(rt, { decisionId, decisionKey }, variables));
  };
}

async function evaluate(
  rt: Runtime,
  by: { decisionId: string; decisionKey: string },
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const decision =
    by.decisionId !== ''
      ? await latestDecision(rt.tx, by.decisionId)
      : await decisionByKey(rt.tx, by.decisionKey);
  const drg = decision && (await drgByKey(rt.tx, decision.drgKey));
  if (!decision || !drg) {
    const [what, value] = by.decisionId !== '' ? ['id', by.decisionId] : ['key', by.decisionKey];
    throw GatewayError.rejected(
      'EVALUATE',
      'INVALID_ARGUMENT',
      `Expected to evaluate decision '${value}', but no decision found for ${what} '${value}'`,
    );
  }
  const response = {
    decisionKey: decision.key,
    decisionId: decision.decisionId,
    decisionName: decision.name,
    decisionVersion: decision.version,
    decisionRequirementsId: drg.drgId,
    decisionRequirementsKey: drg.key,
    tenantId: DEFAULT_TENANT,
    decisionInstanceKey: await rt.tx.nextKey(),
  };
  const graph = await parsedDrg(drg);
  const siblings = await decisionsOfDrg(rt.tx, drg.key);
  let result: DecisionResult;
  try {
    result = evaluateDecision(graph, decision.decisionId, variables, rt.now);
  } catch (error) {
    if (!(error instanceof DecisionEvaluationError)) throw error;
    const before = evaluatedBefore(graph, decision.decisionId, error.decisionId, variables, rt.now);
    return {
      ...response,
      decisionOutput: '',
      evaluatedDecisions: before.map((evaluated) =>
        toEvaluatedDecision(evaluated, siblings.get(evaluated.decisionId)),
      ),
      failedDecisionId: error.decisionId,
      failureMessage: error.message,
    };
  }
  return {
    ...response,
    decisionOutput: json(result.output),
    evaluatedDecisions: result.evaluatedDecisions.map((evaluated) =>
      toEvaluatedDecision(evaluated, siblings.get(evaluated.decisionId)),
    ),
    failedDecisionId: '',
    failureMessage: '',
  };
}

/**
 * The audit of a failed evaluation: the required decisions evaluated before the one that
 * failed, dependencies first, as the evaluator visits them. The evaluator keeps no partial
 * audit, so each is evaluated again on its own (decisions are pure, the clock is the same).
 */
function evaluatedBefore(
  graph: DecisionRequirementsGraph,
  decisionId: string,
  failedId: string,
  variables: Record<string, unknown>,
  now: number,
): EvaluatedDecision[] {
  const order: string[] = [];
  const visit = (id: string) => {
    if (order.includes(id)) return;
    for (const required of graph.decisions.get(id)?.requiredDecisions ?? []) visit(required);
    order.push(id);
  };
  visit(decisionId);
  const evaluated: EvaluatedDecision[] = [];
  for (const id of order) {
    if (id === failedId) break;
    try {
      const own = evaluateDecision(graph, id, variables, now).evaluatedDecisions.at(-1);
      if (own) evaluated.push(own);
    } catch {
      break;
    }
  }
  return evaluated;
}

/** One entry of the audit, with its key and version (-1 if unknown, as Zeebe does). */
function toEvaluatedDecision(evaluated: EvaluatedDecision, row: DecisionRow | undefined) {
  return {
    decisionKey: row?.key ?? '-1',
    decisionId: evaluated.decisionId,
    decisionName: evaluated.decisionName,
    decisionVersion: row?.version ?? -1,
    decisionType: evaluated.decisionType,
    decisionOutput: json(evaluated.output),
    evaluatedInputs: evaluated.evaluatedInputs.map((input) => ({
      inputId: input.inputId,
      inputName: input.inputName,
      inputValue: json(input.inputValue),
    })),
    matchedRules: evaluated.matchedRules.map((rule) => ({
      ruleId: rule.ruleId,
      ruleIndex: rule.ruleIndex,
      evaluatedOutputs: rule.evaluatedOutputs.map((output) => ({
        outputId: output.outputId,
        outputName: output.outputName,
        outputValue: json(output.outputValue),
      })),
    })),
    tenantId: DEFAULT_TENANT,
  };
}

/** Values travel as JSON text; an absent value is null. */
function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}
