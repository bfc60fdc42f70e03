import { evaluateBoolean, FeelError } from '../../feel/index.ts';
import type { SequenceFlow } from '../../model/types.ts';
import type { ElementBehavior } from './behavior.ts';

/**
 * Takes the first outgoing flow whose condition is true, in XML order, else the default flow;
 * with neither, a CONDITION_ERROR incident. A null condition is an incident, not false
 * (ZEEBE-SEMANTICS §4).
 */
export const exclusiveGateway: ElementBehavior = {
  async activate(rt, process, element, instance) {
    const flows = element.outgoing;
    if (flows.length === 0) return rt.complete(process, instance, []);
    if (flows.length === 1 && flows[0]?.condition === undefined) return rt.complete(process, instance, flows);
    const variables = await rt.variables.visible(await rt.scopeChain(instance));
    let chosen: SequenceFlow | undefined;
    for (const flow of flows) {
      if (flow.id === element.defaultFlowId || flow.condition === undefined) continue;
      try {
        if (evaluateBoolean(flow.condition, variables, rt.now)) {
          chosen = flow;
          break;
        }
      } catch (error) {
        if (!(error instanceof FeelError)) throw error;
        return rt.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', error.message);
      }
    }
    chosen ??= flows.find((flow) => flow.id === element.defaultFlowId);
    if (!chosen) {
      return rt.raiseIncident(
        instance,
        'CONDITION_ERROR',
        `Expected at least one condition to evaluate to true, or to have a default flow`,
      );
    }
    await rt.complete(process, instance, [chosen]);
  },
};
