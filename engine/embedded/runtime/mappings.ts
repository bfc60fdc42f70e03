import { evaluate } from '../../feel/index.ts';
import type { FlowElement, Mapping } from '../../model/types.ts';
import type { Runtime } from './runtime.ts';
import type { ElementInstance } from './state.ts';
import type { Variables } from './variables.ts';

export class MappingError extends Error {}

/**
 * Evaluates an element's mappings as one FEEL context, in order: later sources see earlier
 * targets. Input targets build fresh objects; output targets merge into what is visible.
 */
export function applyMappings(
  mappings: Mapping[],
  visible: Variables,
  now: number,
  kind: 'input' | 'output',
): Variables {
  const result: Variables = {};
  for (const mapping of mappings) {
    const context = { ...visible, ...result };
    let value: unknown;
    try {
      value =
        mapping.source.kind === 'static'
          ? mapping.source.value
          : evaluate(mapping.source.source, context, now);
    } catch (error) {
      throw new MappingError(
        `Failed to evaluate expression '${mapping.source.kind === 'expression' ? mapping.source.source : ''}': ${(error as Error).message}`,
      );
    }
    assign(result, mapping.target, value, kind === 'output' ? visible : {});
  }
  return result;
}

function assign(target: Variables, path: string, value: unknown, existing: Variables): void {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const base = target[head] ?? existing[head];
  const child: Variables =
    base && typeof base === 'object' && !Array.isArray(base) ? { ...(base as Variables) } : {};
  assign(child, rest.join('.'), value, {});
  target[head] = child;
}

/** What an element sees once entered: every visible variable, and its own input-mapped locals. */
export interface Entered {
  visible: Variables;
  locals: Variables;
}

/**
 * Enters an element (ZEEBE-SEMANTICS §1): its input mappings, evaluated against what its flow
 * scope sees, become its locals. Undefined when a mapping failed and an IO_MAPPING_ERROR
 * incident was raised on the element.
 */
export async function enterWithInputs(
  rt: Runtime,
  element: FlowElement,
  instance: ElementInstance,
): Promise<Entered | undefined> {
  const outer = await rt.variables.visible((await rt.scopeChain(instance)).slice(1));
  if (element.inputMappings.length === 0) return { visible: outer, locals: {} };
  try {
    const locals = applyMappings(element.inputMappings, outer, rt.now, 'input');
    await rt.variables.setLocal(instance.key, instance.processInstanceKey, locals);
    return { visible: { ...outer, ...locals }, locals };
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    await rt.raiseIncident(instance, 'IO_MAPPING_ERROR', error.message);
    return undefined;
  }
}
