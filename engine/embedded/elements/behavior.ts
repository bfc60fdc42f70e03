import type { ExecutableProcess, FlowElement, SequenceFlow } from '../../model/types.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ElementInstance } from '../runtime/state.ts';

/** What one BPMN element type does when a token reaches it (STYLE rule 2: one file each). */
export interface ElementBehavior {
  activate(
    rt: Runtime,
    process: ExecutableProcess,
    element: FlowElement,
    instance: ElementInstance,
  ): Promise<unknown>;
  /** When defined, called instead of activation as a token arrives over `flow` (joins). */
  arrive?(
    rt: Runtime,
    process: ExecutableProcess,
    element: FlowElement,
    flow: SequenceFlow,
    from: ElementInstance,
  ): Promise<unknown>;
  /** Call activities: the process instance they started has completed with these root variables. */
  childCompleted?(
    rt: Runtime,
    process: ExecutableProcess,
    element: FlowElement,
    instance: ElementInstance,
    variables: Record<string, unknown>,
  ): Promise<unknown>;
  /** Scopes (sub-processes): called when the last token inside has gone. */
  completeScope?(
    rt: Runtime,
    process: ExecutableProcess,
    element: FlowElement,
    instance: ElementInstance,
  ): Promise<unknown>;
}

/** Elements that do their work at once and pass the token on over every outgoing flow. */
export const passThrough: ElementBehavior = {
  activate: (rt, process, element, instance) => rt.complete(process, instance, element.outgoing),
};
