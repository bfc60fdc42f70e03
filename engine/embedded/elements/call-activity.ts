import { evaluate, FeelError } from '../../feel/index.ts';
import type { CalledElement } from '../../model/types.ts';
import { completeTask } from '../commands/complete-task.ts';
import { enterWithInputs } from '../runtime/mappings.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ElementInstance } from '../runtime/state.ts';
import type { ElementBehavior } from './behavior.ts';
import { armBoundaryTimers } from './boundary-timers.ts';

/**
 * A call activity (ZEEBE-SEMANTICS §9): input mappings first; then a new instance of the
 * called process starts at its none start event with every visible variable (or only the
 * call activity's locals when propagateAllParentVariables is false). The call activity waits;
 * when the child completes, `completeCalledInstance` hands its variables back.
 */
export const callActivity: ElementBehavior = {
  async activate(rt, process, element, instance) {
    const called = element.calledElement as CalledElement;
    const entered = await enterWithInputs(rt, element, instance);
    if (!entered) return;
    const { visible, locals } = entered;
    const target = await calledDefinition(rt, instance, called, visible);
    if (typeof target === 'string') return rt.raiseIncident(instance, 'CALLED_ELEMENT_ERROR', target);
    const child = await rt.loadProcess(target.key);
    if (child.startEventId === undefined) {
      return rt.raiseIncident(
        instance,
        'CALLED_ELEMENT_ERROR',
        `Expected process with BPMN process id '${target.bpmnProcessId}' to have a none start event, but not found.`,
      );
    }
    if (element.boundaryEventIds && !(await armBoundaryTimers(rt, process, element, instance, visible)))
      return;
    const parent = await rt.links.parentOf(instance.processInstanceKey);
    const childKey = await rt.tx.nextKey();
    await rt.links.insert({
      childInstanceKey: childKey,
      parentProcessInstanceKey: instance.processInstanceKey,
      parentElementInstanceKey: instance.key,
      rootProcessInstanceKey: parent?.rootProcessInstanceKey ?? instance.processInstanceKey,
    });
    await rt.startProcess(
      {
        key: childKey,
        definitionKey: target.key,
        bpmnProcessId: target.bpmnProcessId,
        version: target.version,
        state: 'ACTIVE',
      },
      child,
      called.propagateAllParentVariables ? visible : locals,
    );
  },

  /**
   * The child's root variables are the result: all of them propagate without output mappings;
   * with output mappings only what they map; with propagateAllChildVariables false and no
   * output mappings, nothing.
   */
  async childCompleted(rt, process, element, instance, variables) {
    const called = element.calledElement as CalledElement;
    const result = element.outputMappings.length > 0 || called.propagateAllChildVariables ? variables : {};
    await completeTask(rt, process, element, instance, result);
  },
};

interface Target {
  key: string;
  bpmnProcessId: string;
  version: number;
}

/** The definition to start, or the CALLED_ELEMENT_ERROR message. */
async function calledDefinition(
  rt: Runtime,
  instance: ElementInstance,
  called: CalledElement,
  visible: Record<string, unknown>,
): Promise<Target | string> {
  let processId: string;
  if (called.processId.kind === 'static') processId = called.processId.value;
  else {
    try {
      const value = evaluate(called.processId.source, visible, rt.now);
      if (typeof value !== 'string')
        return `Expected result of the expression '${called.processId.source}' to be 'STRING', but was '${value === null ? 'NULL' : typeof value}'.`;
      processId = value;
    } catch (error) {
      if (!(error instanceof FeelError)) throw error;
      return error.message;
    }
  }
  const sameDeployment =
    called.binding === 'deployment'
      ? ` AND deployment_key = (SELECT d.deployment_key FROM engine_process_definitions d
           JOIN engine_process_instances pi ON pi.definition_key = d.definition_key WHERE pi.instance_key = ?)`
      : '';
  const [row] = await rt.tx.all<{ definition_key: unknown; version: unknown }>(
    `SELECT definition_key, version FROM engine_process_definitions WHERE bpmn_process_id = ?${sameDeployment}
     ORDER BY version DESC LIMIT 1`,
    called.binding === 'deployment' ? [processId, instance.processInstanceKey] : [processId],
  );
  if (!row) {
    return called.binding === 'deployment'
      ? `Expected to call process with BPMN process id '${processId}' deployed together with the caller, but it was not part of that deployment.`
      : `Expected process with BPMN process id '${processId}' to be deployed, but not found.`;
  }
  return { key: String(row.definition_key), bpmnProcessId: processId, version: Number(row.version) };
}
