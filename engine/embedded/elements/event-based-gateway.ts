import { FeelError } from '../../feel/index.ts';
import type { ExecutableProcess, FlowElement } from '../../model/types.ts';
import { applyEventPayload } from '../runtime/event-payload.ts';
import { subscribe } from '../runtime/event-trigger.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ElementInstance } from '../runtime/state.ts';
import type { ElementBehavior } from './behavior.ts';
import { armTimer, dueDate } from './timer-catch-event.ts';

/**
 * The event-based gateway (ZEEBE-SEMANTICS §4): the token waits at the gateway, which
 * subscribes to every catch event after it (timers armed, message and signal subscriptions
 * opened, all owned by the gateway). The first trigger wins: the others are closed, the
 * gateway completes without taking a flow, and the triggered event is activated with the
 * payload and passes the token on.
 */
export const eventBasedGateway: ElementBehavior = {
  async activate(rt, process, element, instance) {
    const targets = element.outgoing.map((flow) => process.elements[flow.targetId] as FlowElement);
    const variables = await rt.variables.visible(await rt.scopeChain(instance));
    for (const target of targets) {
      if (target.eventKind !== 'timer' || !target.timer) continue;
      try {
        await armTimer(rt, instance, target.id, dueDate(target.timer, variables, rt.now));
      } catch (error) {
        if (!(error instanceof FeelError)) throw error;
        await rt.disarmBoundaryEvents(instance);
        return rt.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', `Event '${target.id}': ${error.message}`);
      }
    }
    const waiting = targets.filter(
      (target) => target.eventKind === 'message' || target.eventKind === 'signal',
    );
    if (waiting.length > 0 && !(await subscribe(rt, instance, waiting, variables))) {
      // An incident was raised (a name or key could not be evaluated): nothing stays armed.
      if ((await rt.instances.element(instance.key))?.state === 'ACTIVE')
        await rt.disarmBoundaryEvents(instance);
    }
  },
};

/** One of the gateway's events was triggered: it alone goes on. */
export async function eventBasedGatewayTriggered(
  rt: Runtime,
  process: ExecutableProcess,
  gateway: ElementInstance,
  event: FlowElement,
  variables: Record<string, unknown>,
): Promise<void> {
  await rt.disarmBoundaryEvents(gateway);
  await rt.instances.endElement(gateway.key, 'COMPLETED', rt.now);
  let landed = false;
  const instance = await rt.activate(
    process,
    event.id,
    gateway.flowScopeKey,
    gateway.processInstanceKey,
    async (i) => {
      landed = await applyEventPayload(rt, event, i, variables, true);
      return false;
    },
  );
  // A failed output mapping left an incident on the event; resolving it runs the mappings again.
  if (landed) await rt.complete(process, instance, event.outgoing);
  else await rt.instances.setElementState(instance.key, 'COMPLETING');
}
