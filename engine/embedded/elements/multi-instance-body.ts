import { evaluate, evaluateBoolean, FeelError } from '../../feel/index.ts';
import type { ExecutableProcess, FlowElement, MultiInstance } from '../../model/types.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ElementInstance } from '../runtime/state.ts';
import type { ElementBehavior } from './behavior.ts';
import { armBoundaryTimers } from './boundary-timers.ts';

/** The element type of a multi-instance body's instance (Camunda's MULTI_INSTANCE_BODY). */
export const MULTI_INSTANCE_BODY = 'multiInstanceBody';

/**
 * A multi-instance activity (ZEEBE-SEMANTICS §10) runs as a body instance holding one inner
 * instance per item of its input collection: all at once (parallel) or one after another
 * (sequential). Each inner instance has `loopCounter` (from 1) and the item as locals; after
 * each completes, its outputElement goes into the body's outputCollection at its position, and
 * the completion condition may end the rest. The collection is merged upward when the body
 * completes. Boundary events belong to the body.
 */
export const multiInstanceBody: ElementBehavior = {
  async activate(rt, process, element, body) {
    const loop = element.multiInstance as MultiInstance;
    const visible = await rt.variables.visible(await rt.scopeChain(body));
    const items = await readCollection(rt, loop, body, visible);
    if (!items) return;
    if (element.boundaryEventIds && !(await armBoundaryTimers(rt, process, element, body, visible))) return;
    if (loop.outputCollection)
      await rt.variables.setLocal(body.key, body.processInstanceKey, {
        [loop.outputCollection]: items.map(() => null),
      });
    if (items.length === 0) return finish(rt, process, element, body);
    const count = loop.sequential ? 1 : items.length;
    for (let i = 0; i < count; i++) await startInner(rt, process, element, body, items, i + 1);
  },
};

/** An inner instance completed (its own output mappings done): collect, then go on or finish. */
export async function innerCompleted(
  rt: Runtime,
  process: ExecutableProcess,
  element: FlowElement,
  inner: ElementInstance,
): Promise<void> {
  const loop = element.multiInstance as MultiInstance;
  const body = await rt.instances.element(inner.flowScopeKey);
  if (body?.state !== 'ACTIVE') return;
  const innerLocals = await rt.variables.local(inner.key);
  const loopCounter = Number(JSON.parse(innerLocals.get('loopCounter') ?? '0'));
  const visible = await rt.variables.visible(await rt.scopeChain(inner));
  try {
    if (loop.outputCollection && loop.outputElement) {
      const value = evaluate(loop.outputElement, visible, rt.now);
      const collected = JSON.parse((await rt.variables.local(body.key)).get(loop.outputCollection) ?? '[]');
      collected[loopCounter - 1] = value ?? null;
      await rt.variables.setLocal(body.key, body.processInstanceKey, { [loop.outputCollection]: collected });
    }
    const items = await readCollection(rt, loop, body, await rt.variables.visible(await rt.scopeChain(body)));
    if (!items) return;
    const children = await rt.instances.children(body.key);
    const active = children.filter((child) => child.state === 'ACTIVE' || child.state === 'COMPLETING');
    if (loop.completionCondition) {
      const counts = {
        numberOfInstances: items.length,
        numberOfActiveInstances: active.length,
        numberOfCompletedInstances: children.filter((child) => child.state === 'COMPLETED').length,
        numberOfTerminatedInstances: children.filter((child) => child.state === 'TERMINATED').length,
      };
      if (evaluateBoolean(loop.completionCondition, { ...visible, ...counts }, rt.now)) {
        for (const child of active) await rt.terminate(child);
        return finish(rt, process, element, body);
      }
    }
    if (loop.sequential && loopCounter < items.length)
      return startInner(rt, process, element, body, items, loopCounter + 1);
    if (active.length === 0) await finish(rt, process, element, body);
  } catch (error) {
    if (!(error instanceof FeelError)) throw error;
    await rt.raiseIncident(body, 'EXTRACT_VALUE_ERROR', error.message);
  }
}

async function startInner(
  rt: Runtime,
  process: ExecutableProcess,
  element: FlowElement,
  body: ElementInstance,
  items: unknown[],
  loopCounter: number,
) {
  const loop = element.multiInstance as MultiInstance;
  const locals: Record<string, unknown> = { loopCounter };
  if (loop.inputElement) locals[loop.inputElement] = items[loopCounter - 1] ?? null;
  // A plainly named output element starts as a null local, so results land in the inner scope.
  const output = loop.outputElement?.trim();
  if (output && /^[a-zA-Z_]\w*$/.test(output) && output !== loop.inputElement && output !== 'loopCounter')
    locals[output] = null;
  await rt.activateInner(process, element, body, locals);
}

/** The input collection, read again each time (§10); undefined when an incident was raised. */
async function readCollection(
  rt: Runtime,
  loop: MultiInstance,
  body: ElementInstance,
  visible: Record<string, unknown>,
): Promise<unknown[] | undefined> {
  let value: unknown;
  try {
    value = evaluate(loop.inputCollection, visible, rt.now);
  } catch (error) {
    if (!(error instanceof FeelError)) throw error;
    await rt.raiseIncident(body, 'EXTRACT_VALUE_ERROR', error.message);
    return undefined;
  }
  if (!Array.isArray(value)) {
    await rt.raiseIncident(
      body,
      'EXTRACT_VALUE_ERROR',
      `Expected result of the expression '${loop.inputCollection}' to be 'ARRAY', but was '${value === null ? 'NULL' : typeof value === 'object' ? 'OBJECT' : typeof value === 'string' ? 'STRING' : typeof value === 'number' ? 'NUMBER' : 'BOOLEAN'}'.`,
    );
    return undefined;
  }
  return value;
}

/** The body completes: its output collection is merged upward, then the token leaves. */
async function finish(rt: Runtime, process: ExecutableProcess, element: FlowElement, body: ElementInstance) {
  const loop = element.multiInstance as MultiInstance;
  if (loop.outputCollection) {
    const collected = JSON.parse((await rt.variables.local(body.key)).get(loop.outputCollection) ?? '[]');
    const chain = await rt.scopeChain(body);
    await rt.variables.merge(chain.slice(1), body.processInstanceKey, { [loop.outputCollection]: collected });
  }
  await rt.complete(process, body, element.outgoing);
}
