import { compileBusinessRuleTask } from './business-rule-task.ts';
import { compileCalledElement } from './call-activity.ts';
import { compileEventDefinition, type EventPlace } from './events.ts';
import { compileMessage, type EventRefNode } from './message-events.ts';
import { compileMultiInstance } from './multi-instance.ts';
import type { FlowNodeNode, ModdleNode } from './parse.ts';
import type { Problems } from './problems.ts';
import type { ElementType, FlowElement } from './types.ts';
import { compileUserTask } from './user-task.ts';
import {
  compileMappings,
  compileTaskDefinition,
  hasExtension,
  rejectUnsupportedExtensions,
} from './zeebe-extensions.ts';

/** The BPMN elements this engine runs, by moddle type. */
const SUPPORTED: Readonly<Record<string, ElementType>> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:UserTask': 'userTask',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:CallActivity': 'callActivity',
};

const EVENTS = new Set<ElementType>([
  'startEvent',
  'endEvent',
  'intermediateCatchEvent',
  'intermediateThrowEvent',
  'boundaryEvent',
]);

/** Where a flow node sits: the sub-process around it, and whether that is an event sub-process. */
export interface Container {
  parentId?: string;
  eventSubProcess: boolean;
}

/** Flow elements that do not execute; Zeebe deploys and ignores them. */
const NON_EXECUTABLE = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

export function isFlowNode(node: ModdleNode): boolean {
  return node.$type !== 'bpmn:SequenceFlow' && !NON_EXECUTABLE.has(node.$type);
}

/** Compiles one flow node; sequence flows are connected later. Problems go to `problems`. */
export function compileFlowNode(
  node: FlowNodeNode,
  processId: string,
  container: Container,
  problems: Problems,
): FlowElement | undefined {
  const id = problems.id(node, ` in process '${processId}'`);
  if (id === undefined) return undefined;
  const type = SUPPORTED[node.$type];
  const unsupported = type === undefined ? node.$type : unsupportedVariant(node);
  if (type === undefined || unsupported !== undefined) {
    problems.add(id, `${unsupported ?? node.$type} is not supported yet`);
    return undefined;
  }
  rejectUnsupportedExtensions(node, id, problems);
  const element: FlowElement = {
    id,
    type,
    incoming: [],
    outgoing: [],
    inputMappings: [],
    outputMappings: [],
  };
  if (node.name !== undefined) element.name = node.name;
  if (container.parentId !== undefined) element.parentId = container.parentId;

  const mappings = compileMappings(node, id, problems);
  // Zeebe validates mappings on gateways but its gateway processors never apply them.
  if (!type.endsWith('Gateway')) Object.assign(element, mappings);

  if (EVENTS.has(type)) {
    const place: EventPlace =
      type === 'startEvent' && container.eventSubProcess ? 'eventSubProcessStart' : type;
    if (!compileEventDefinition(node, element, place, problems)) return element;
    if (type === 'boundaryEvent') {
      if (node.attachedToRef?.id) element.attachedToId = node.attachedToRef.id;
      else problems.add(id, 'a boundary event must be attached to an activity (attachedToRef)');
      element.cancelActivity = node.cancelActivity !== false;
      if (element.eventKind === 'error' && !element.cancelActivity)
        problems.add(id, 'an error boundary event must be interrupting (cancelActivity="true")');
    }
    if (place === 'eventSubProcessStart') {
      element.interrupting = node.isInterrupting !== false;
      if (element.eventKind === 'error' && !element.interrupting)
        problems.add(id, 'an error start event of an event sub-process must be interrupting');
    }
  } else if (type === 'businessRuleTask') {
    Object.assign(element, compileBusinessRuleTask(node, id, problems));
  } else if (type === 'receiveTask') {
    const message = compileMessage(node as EventRefNode, id, 'catch', problems);
    if (message) element.message = message;
  } else if (type === 'userTask') {
    Object.assign(element, compileUserTask(node, id, problems));
  } else if (type === 'serviceTask' || type === 'sendTask' || type === 'scriptTask') {
    const job = compileJobTask(node, id, type, problems);
    if (job) element.job = job;
  } else if (type === 'subProcess' && node.triggeredByEvent) {
    element.triggeredByEvent = true;
  } else if (type === 'callActivity') {
    const called = compileCalledElement(node, id, problems);
    if (called) element.calledElement = called;
  }
  if (node.loopCharacteristics) {
    const loop = compileMultiInstance(node, id, type, problems);
    if (loop) element.multiInstance = loop;
  }
  return element;
}

/** A supported element type used in a way this engine does not run yet, described for the message. */
function unsupportedVariant(node: FlowNodeNode): string | undefined {
  if (node.isForCompensation) return `${node.$type} as a compensation handler (isForCompensation)`;
  return undefined;
}

const TASK_KIND = { serviceTask: 'service task', sendTask: 'send task', scriptTask: 'script task' } as const;

function compileJobTask(
  node: FlowNodeNode,
  id: string,
  type: keyof typeof TASK_KIND,
  problems: Problems,
): FlowElement['job'] {
  if (type === 'scriptTask' && hasExtension(node, 'zeebe:Script')) {
    problems.add(
      id,
      hasExtension(node, 'zeebe:TaskDefinition')
        ? 'a script task needs either one <zeebe:script> or one <zeebe:taskDefinition>, not both'
        : 'a script task with <zeebe:script> (a FEEL script run by the engine) is not supported yet; ' +
            'give it a <zeebe:taskDefinition type> to run it as a job instead',
    );
    return undefined;
  }
  return compileTaskDefinition(node, id, TASK_KIND[type], problems);
}
