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

/** `zeebe:calledDecision`: the decision a business rule task evaluates, and where its result goes. */
export interface CalledDecision {
  /** Static or FEEL; the latest version of the decision with this id is evaluated. */
  decisionId: ValueOrExpression;
  /** Static variable name that receives the decision's output. */
  resultVariable: string;
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
  | 'subProcess'
  | 'businessRuleTask'
  | 'callActivity'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'receiveTask';

/** A call activity's `zeebe:calledElement`. */
export interface CalledElement {
  processId: ValueOrExpression;
  /** latest: the newest version; deployment: the version deployed together with the caller. */
  binding: 'latest' | 'deployment';
  propagateAllChildVariables: boolean;
  propagateAllParentVariables: boolean;
}

/** Multi-instance loop characteristics (ZEEBE-SEMANTICS §10). */
export interface MultiInstance {
  sequential: boolean;
  /** FEEL source yielding the list; one inner instance per item. */
  inputCollection: string;
  /** The inner local that holds the item. */
  inputElement?: string;
  /** The body-local list collecting outputElement per item, merged upward at the end. */
  outputCollection?: string;
  /** FEEL source evaluated in the inner scope after each inner completion. */
  outputElement?: string;
  /** FEEL source; when true after an inner completion, the rest is terminated. */
  completionCondition?: string;
}

/** The event definition an event carries; absent for none events. */
export type EventKind = 'timer' | 'message' | 'signal' | 'error' | 'escalation' | 'terminate';

/**
 * The code of an error or escalation event. On a catch event it is static and absent for a
 * catch-all; on a throw event it may be an expression and is always present.
 */
export interface CodeDefinition {
  code?: ValueOrExpression;
}

/**
 * The message a catch event, receive task or start event waits for (ZEEBE-SEMANTICS §6). Its
 * name is static or FEEL; the correlation key is FEEL source evaluated once as the
 * subscription opens (absent on process start events, which take any key).
 */
export interface MessageDefinition {
  name: ValueOrExpression;
  correlationKey?: string;
}

/** A signal's name, static or FEEL (§8). */
export interface SignalDefinition {
  name: ValueOrExpression;
}

/**
 * A timer event's timer: a duration or a date fires once; a cycle (`R3/PT1H`, a cron
 * expression) repeats, on start events and non-interrupting boundary and event sub-process starts.
 */
export interface TimerDefinition {
  kind: 'duration' | 'date' | 'cycle';
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
  /** A business rule task with `zeebe:calledDecision` (with `zeebe:taskDefinition` it has `job`). */
  calledDecision?: CalledDecision;
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
  /** Message catch events, receive tasks and message start events: the message they wait for. */
  message?: MessageDefinition;
  /** Signal catch and throw events: the signal's name. */
  signal?: SignalDefinition;
  /** A start event of an event sub-process: whether triggering it interrupts the scope. */
  interrupting?: boolean;
  /** A sub-process: its none start event (absent for an event sub-process). */
  startEventId?: string;
  /** An event sub-process (triggeredByEvent): its start event, the one with an event definition. */
  triggeredByEvent?: boolean;
  /** A sub-process: the event sub-processes directly inside it. */
  eventSubProcessIds?: string[];
  /** A call activity: the process it starts. */
  calledElement?: CalledElement;
  /** An activity that runs once per item of a collection. */
  multiInstance?: MultiInstance;
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
  /** Inclusive gateways that join (more than one incoming flow): tokens ending anywhere may let them fire. */
  inclusiveJoinIds?: string[];
  elements: Record<string, FlowElement>;
  flows: Record<string, SequenceFlow>;
}

export interface DeploymentProblem {
  resourceName: string;
  /** The BPMN element the problem is about, when there is one. */
  elementId?: string;
  message: string;
}
