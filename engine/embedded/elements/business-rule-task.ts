import { DecisionEvaluationError, evaluateDecision } from '../../dmn/index.ts';
import { evaluateDetailed, FeelError, typeMismatchMessage } from '../../feel/index.ts';
import type { CalledDecision } from '../../model/types.ts';
import { completeTask } from '../commands/complete-task.ts';
import { enterWithInputs } from '../runtime/mappings.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ElementInstance } from '../runtime/state.ts';
import { drgByKey, latestDecision, parsedDrg } from '../store/decisions.ts';
import type { ElementBehavior } from './behavior.ts';
import { jobTask } from './job-task.ts';

/**
 * A business rule task (ZEEBE-SEMANTICS §11). With `zeebe:taskDefinition` it is a job task.
 * With `zeebe:calledDecision` it evaluates the latest version of the decision on activation,
 * after its input mappings, with every visible variable; `{resultVariable: output}` then
 * completes the task exactly as a job's variables would (output mappings, or propagation).
 * Failures are incidents; resolving one runs the input mappings and the evaluation again.
 */
export const businessRuleTask: ElementBehavior = {
  async activate(rt, process, element, instance) {
    const called = element.calledDecision;
    if (!called) return jobTask.activate(rt, process, element, instance);
    const entered = await enterWithInputs(rt, element, instance);
    if (!entered) return;
    const { visible } = entered;
    const output = await evaluateCalledDecision(rt, instance, called, visible);
    if (output === NO_RESULT) return;
    await completeTask(rt, process, element, instance, { [called.resultVariable]: output.value });
  },
};

const NO_RESULT = Symbol('incident raised');

/** The decision's output, or NO_RESULT once an incident says why there is none. */
async function evaluateCalledDecision(
  rt: Runtime,
  instance: ElementInstance,
  called: CalledDecision,
  variables: Record<string, unknown>,
): Promise<{ value: unknown } | typeof NO_RESULT> {
  let decisionId: string;
  if (called.decisionId.kind === 'static') {
    decisionId = called.decisionId.value;
  } else {
    try {
      const result = evaluateDetailed(called.decisionId.source, variables, rt.now);
      if (typeof result.value !== 'string')
        throw new FeelError(typeMismatchMessage(called.decisionId.source, 'STRING', result));
      decisionId = result.value;
    } catch (error) {
      if (!(error instanceof FeelError)) throw error;
      await rt.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', error.message);
      return NO_RESULT;
    }
  }
  const decision = await latestDecision(rt.tx, decisionId);
  const drg = decision && (await drgByKey(rt.tx, decision.drgKey));
  if (!decision || !drg) {
    await rt.raiseIncident(
      instance,
      'CALLED_DECISION_ERROR',
      `Expected to evaluate decision '${decisionId}', but no decision found for id '${decisionId}'`,
    );
    return NO_RESULT;
  }
  try {
    return { value: evaluateDecision(await parsedDrg(drg), decisionId, variables, rt.now).output };
  } catch (error) {
    if (!(error instanceof DecisionEvaluationError)) throw error;
    await rt.raiseIncident(instance, 'DECISION_EVALUATION_ERROR', error.message);
    return NO_RESULT;
  }
}
