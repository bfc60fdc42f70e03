/**
 * The executable form of a BPMN process, compiled once at deployment. The runtime reads only
 * these shapes, never moddle objects.
 */

/** A value that is either static text or a FEEL expression (written with a leading `=`). */
export type ValueOrExpression = { kind: 'static'; value: string } | { kind: 'expression'; source: string };

/** One `zeebe:input` or `zeebe:output` entry; `target` may be a dotted path (`a.b`). */
export interface Mapping {
  source: ValueOrExpression;
  target: string;
}

export interface SequenceFlow {
  id: string;
  sourceId: string;
  targetId: string;
  /** FEEL source without the leading `=`; absent when the flow has no condition. */
  condition?: string;
}

export interface JobDefinition {
  /** `zeebe:taskDefinition type` (for job-based user tasks: `io.camunda.zeebe:userTask`). */
  type: ValueOrExpression;
  /** `zeebe:taskDefinition retries`; default static "3" (user tasks: "1"). */
  retries: ValueOrExpression;
  /** `zeebe:taskHeaders`, static, entries with an empty key or value dropped. */
  headers: Record<string, string>;
}

/** A job-based user task's `zeebe:assignmentDefinition`, `zeebe:taskSchedule`, `zeebe:formDefinition`. */
export interface UserTaskDefinition {
  assignee?: ValueOrExpression;
  /** Static values are comma lists; expressions must yield a list of strings. */
  candidateGroups?: ValueOrExpression;
  candidateUsers?: ValueOrExpression;
  dueDate?: ValueOrExpression;
  followUpDate?: ValueOrExpression;
  formKey?: string;
  formId?: string;
}

export type ElementType =
  | 'startEvent'
  | 'endEvent'
  | 'serviceTask'
  | 'sendTask'
  | 'scriptTask'
  | 'userTask'
  | 'manualTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'subProcess';

/** The event definition an event carries; absent for none events. */
export type EventKind = 'timer' | 'message' | 'signal' | 'error' | 'escalation' | 'terminate';

/**
 * The code of an error or escalation event. On a catch event it is static and absent for a
 * catch-all; on a throw event it may be an expression and is always present.
 */
export interface CodeDefinition {
  code?: ValueOrExpression;
}

/** A timer of an intermediate catch event: when it fires, as a duration or a date. */
export interface TimerDefinition {
  kind: 'duration' | 'date';
  value: ValueOrExpression;
}

export interface FlowElement {
  id: string;
  type: ElementType;
  name?: string;
  /** The sub-process this element sits in; absent for elements of the process itself. */
  parentId?: string;
  /** Events: what kind of event definition they carry (none when absent). */
  eventKind?: EventKind;
  incoming: string[];
  /** Outgoing sequence flows, in XML order (exclusive gateways test them in this order). */
  outgoing: SequenceFlow[];
  /** The id of the default flow of an exclusive gateway. */
  defaultFlowId?: string;
  inputMappings: Mapping[];
  outputMappings: Mapping[];
  /** Present on service, send, script and user tasks: they all run as jobs. */
  job?: JobDefinition;
  userTask?: UserTaskDefinition;
  /** Present on timer catch events and timer boundary events. */
  timer?: TimerDefinition;
  /** A boundary event: the activity it is attached to, and whether it interrupts it. */
  attachedToId?: string;
  cancelActivity?: boolean;
  /** An activity: the boundary events attached to it. */
  boundaryEventIds?: string[];
  /** Error events: the error code (catch: absent = catch-all). */
  error?: CodeDefinition;
  /** Escalation events: the escalation code (catch: absent = catch-all). */
  escalation?: CodeDefinition;
  /** A start event of an event sub-process: whether triggering it interrupts the scope. */
  interrupting?: boolean;
  /** A sub-process: its none start event (absent for an event sub-process). */
  startEventId?: string;
  /** An event sub-process (triggeredByEvent): its start event, the one with an event definition. */
  triggeredByEvent?: boolean;
  /** A sub-process: the event sub-processes directly inside it. */
  eventSubProcessIds?: string[];
}

export interface ExecutableProcess {
  bpmnProcessId: string;
  name?: string;
  /** Id of the none start event; absent when the process starts only by events. */
  startEventId?: string;
  /** Every start event of the process itself (none, timer, message, signal). */
  startEventIds: string[];
  /** The event sub-processes directly inside the process. */
  eventSubProcessIds: string[];
  elements: Record<string, FlowElement>;
  flows: Record<string, SequenceFlow>;
}

export interface DeploymentProblem {
  resourceName: string;
  /** The BPMN element the problem is about, when there is one. */
  elementId?: string;
  message: string;
}
