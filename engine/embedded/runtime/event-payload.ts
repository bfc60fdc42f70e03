import type { FlowElement } from '../../model/types.ts';
import { applyMappings, MappingError } from './mappings.ts';
import type { Runtime } from './runtime.ts';
import type { ElementInstance } from './state.ts';

/**
 * How a catch event's payload (a message's variables, a thrown error's) reaches the process:
 * it is first local to the event instance; output mappings then decide what goes up. Without
 * output mappings, `propagate` merges it upward (messages, signals) or leaves it local
 * (errors and escalations, whose payload needs output mappings — ZEEBE-SEMANTICS trap 4).
 * Returns false when a mapping failed and an incident was raised.
 */
export async function applyEventPayload(
  rt: Runtime,
  element: FlowElement,
  instance: ElementInstance,
  variables: Record<string, unknown>,
  propagate: boolean,
): Promise<boolean> {
  const chain = await rt.scopeChain(instance);
  if (element.outputMappings.length === 0) {
    if (Object.keys(variables).length === 0) return true;
    if (propagate) await rt.variables.merge(chain.slice(1), instance.processInstanceKey, variables);
    else await rt.variables.setLocal(instance.key, instance.processInstanceKey, variables);
    return true;
  }
  await rt.variables.setLocal(instance.key, instance.processInstanceKey, variables);
  try {
    const results = applyMappings(
      element.outputMappings,
      await rt.variables.visible(chain),
      rt.now,
      'output',
    );
    await rt.variables.merge(chain.slice(1), instance.processInstanceKey, results);
    return true;
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    await rt.raiseIncident(instance, 'IO_MAPPING_ERROR', error.message);
    return false;
  }
}
