import type { ElementBehavior } from './behavior.ts';

/**
 * Forks over every outgoing flow. As a join it fires once every incoming flow has brought at
 * least one token in the flow scope, consuming one per flow; surplus tokens wait.
 */
export const parallelGateway: ElementBehavior = {
  activate: (rt, process, element, instance) => rt.complete(process, instance, element.outgoing),
  async arrive(rt, process, element, flow, from) {
    if (element.incoming.length <= 1)
      return rt.activate(process, element.id, from.flowScopeKey, from.processInstanceKey);
    const tokens = await rt.instances.addJoinToken(from.flowScopeKey, element.id, flow.id);
    if (!element.incoming.every((id) => (tokens.get(id) ?? 0) > 0)) return;
    await rt.instances.consumeJoinTokens(from.flowScopeKey, element.id);
    await rt.activate(process, element.id, from.flowScopeKey, from.processInstanceKey);
  },
};
