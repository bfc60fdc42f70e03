import { evaluateBoolean, FeelError } from '../../feel/index.ts';
import type { ExecutableProcess, FlowElement } from '../../model/types.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ElementBehavior } from './behavior.ts';

/**
 * The inclusive gateway (ZEEBE-SEMANTICS §4). As a fork it takes every non-default flow whose
 * condition is true, else the default flow; with neither, a CONDITION_ERROR incident; a null
 * condition is an incident. As a join it fires once every incoming flow brought a token, or
 * as soon as no token left in the scope can still reach it over a flow not yet taken.
 */
export const inclusiveGateway: ElementBehavior = {
  async activate(rt, process, element, instance) {
    const flows = element.outgoing;
    if (flows.length <= 1 && flows[0]?.condition === undefined) return rt.complete(process, instance, flows);
    const variables = await rt.variables.visible(await rt.scopeChain(instance));
    const taken = [];
    for (const flow of flows) {
      if (flow.id === element.defaultFlowId || flow.condition === undefined) continue;
      try {
        if (evaluateBoolean(flow.condition, variables, rt.now)) taken.push(flow);
      } catch (error) {
        if (!(error instanceof FeelError)) throw error;
        return rt.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', error.message);
      }
    }
    if (taken.length === 0) {
      const fallback = flows.find((flow) => flow.id === element.defaultFlowId);
      if (!fallback)
        return rt.raiseIncident(
          instance,
          'CONDITION_ERROR',
          'Expected at least one condition to evaluate to true, or to have a default flow',
        );
      taken.push(fallback);
    }
    await rt.complete(process, instance, taken);
  },

  async arrive(rt, process, element, flow, from) {
    if (element.incoming.length <= 1)
      return rt.activate(process, element.id, from.flowScopeKey, from.processInstanceKey);
    await rt.instances.addJoinToken(from.flowScopeKey, element.id, flow.id);
    rt.checkJoins(process, from.flowScopeKey, from.processInstanceKey);
  },
};

/**
 * Fires the given inclusive joins of a scope that can fire now; true when one did. Runs when
 * a command's tokens have settled (Runtime.settle) after a token arrived at one, moved or
 * ended in the scope, since that may leave a waiting join with nothing more to wait for.
 */
export async function fireInclusiveJoins(
  rt: Runtime,
  process: ExecutableProcess,
  scopeKey: string,
  processInstanceKey: string,
  gatewayIds: readonly string[],
): Promise<boolean> {
  let fired = false;
  for (const id of gatewayIds) {
    const gateway = process.elements[id] as FlowElement;
    const tokens = await rt.instances.joinTokens(scopeKey, id);
    if (tokens.size === 0) continue;
    const waiting = gateway.incoming.filter((flowId) => !tokens.has(flowId));
    if (waiting.length > 0) {
      const active = await rt.instances.activeChildren(scopeKey);
      const targets = new Set(waiting);
      if (active.some((token) => canReach(process, token.elementId, id, targets))) continue;
    }
    await rt.instances.consumeJoinTokens(scopeKey, id);
    await rt.activate(process, id, scopeKey, processInstanceKey);
    fired = true;
  }
  return fired;
}

/** Whether a token at `fromId` can still arrive at `gatewayId` over one of `flows`. */
function canReach(
  process: ExecutableProcess,
  fromId: string,
  gatewayId: string,
  flows: ReadonlySet<string>,
): boolean {
  const seen = new Set<string>();
  const queue = [fromId];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id) || id === gatewayId) continue;
    seen.add(id);
    const element = process.elements[id];
    if (!element) continue;
    for (const flow of element.outgoing) {
      if (flow.targetId === gatewayId) {
        if (flows.has(flow.id)) return true;
        continue;
      }
      queue.push(flow.targetId);
    }
    for (const boundaryId of element.boundaryEventIds ?? []) queue.push(boundaryId);
  }
  return false;
}
