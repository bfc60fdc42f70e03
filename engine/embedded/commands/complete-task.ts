import type { ExecutableProcess, FlowElement } from '../../model/types.ts';
import { applyMappings, MappingError } from '../runtime/mappings.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ElementInstance } from '../runtime/state.ts';

/**
 * Where a job's result lands (ZEEBE-SEMANTICS §1): without output mappings, a propagating
 * merge from the task; with them, the result becomes task-local, the mappings run in the task
 * scope and only their results merge upward. A failing mapping leaves the task COMPLETING
 * with an IO_MAPPING_ERROR incident; resolving it runs this again with no new variables.
 */
export async function completeTask(
  rt: Runtime,
  process: ExecutableProcess,
  element: FlowElement,
  instance: ElementInstance,
  variables: Record<string, unknown>,
): Promise<void> {
  const chain = await rt.scopeChain(instance);
  if (element.outputMappings.length === 0) {
    await rt.variables.merge(chain, instance.processInstanceKey, variables);
  } else {
    await rt.variables.setLocal(instance.key, instance.processInstanceKey, variables);
    try {
      const visible = await rt.variables.visible(chain);
      const results = applyMappings(element.outputMappings, visible, rt.now, 'output');
      await rt.variables.merge(chain.slice(1), instance.processInstanceKey, results);
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      await rt.instances.setElementState(instance.key, 'COMPLETING');
      return rt.raiseIncident(instance, 'IO_MAPPING_ERROR', error.message);
    }
  }
  await rt.complete(process, instance, element.outgoing);
}
