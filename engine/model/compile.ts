import { type Container, compileFlowNode, isFlowNode } from './elements.ts';
import { compileFlows } from './flows.ts';
import { checkEventNames } from './message-events.ts';
import {
  type DefinitionsNode,
  type FlowNodeNode,
  type ModdleNode,
  type ProcessNode,
  parseDefinitions,
} from './parse.ts';
import { type ExpressionChecker, Problems } from './problems.ts';
import type { DeploymentProblem, ExecutableProcess, FlowElement, SequenceFlow } from './types.ts';
import { rejectUnsupportedExtensions } from './zeebe-extensions.ts';

export type { ExpressionChecker } from './problems.ts';

export interface CompileResult {
  /** Empty whenever there are problems: a deployment is all or nothing. */
  processes: ExecutableProcess[];
  /**
   * Every problem found. When a problem concerns an element, `elementId` names it and the
   * message does not repeat it: render `Element '<elementId>': <message>`.
   */
  problems: DeploymentProblem[];
}

/**
 * Parses one BPMN resource and compiles every executable process in it (isExecutable="true";
 * non-executable processes are ignored as Zeebe does). Never throws for bad input: every
 * problem is returned naming the resource, the element id and what is wrong.
 * `checkExpression` gets FEEL source without the leading `=`.
 */
export async function compileBpmn(
  resourceName: string,
  xml: string | Uint8Array,
  checkExpression: ExpressionChecker,
): Promise<CompileResult> {
  const problems = new Problems(resourceName, checkExpression);
  const processes: ExecutableProcess[] = [];
  try {
    const definitions = await parseDefinitions(xml, problems);
    if (definitions) processes.push(...compileDefinitions(definitions, problems));
  } catch (error) {
    // A bug here must not take the deployment down with it; it still rejects the resource.
    problems.add(
      undefined,
      `internal error while compiling: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return problems.list.length > 0 ? { processes: [], problems: problems.list } : { processes, problems: [] };
}

function compileDefinitions(definitions: DefinitionsNode, problems: Problems): ExecutableProcess[] {
  const executable = (definitions.rootElements ?? []).filter(
    (root): root is ProcessNode =>
      root.$type === 'bpmn:Process' && (root as ProcessNode).isExecutable === true,
  );
  // A process the reader had to drop (say, for an illegal id) was reported already.
  if (executable.length === 0 && problems.list.length === 0) {
    problems.add(
      undefined,
      'the resource must contain at least one executable process (isExecutable="true")',
    );
  }
  return executable.flatMap((process) => compileProcess(process, problems) ?? []);
}

function compileProcess(process: ProcessNode, problems: Problems): ExecutableProcess | undefined {
  const processId = problems.id(process);
  if (processId === undefined) return undefined;
  rejectUnsupportedExtensions(process, processId, problems);
  const elements = new Map<string, FlowElement>();
  const flows = new Map<string, SequenceFlow>();
  const top = compileContainer(
    process.flowElements ?? [],
    processId,
    { eventSubProcess: false },
    {
      elements,
      flows,
      problems,
    },
  );
  attachBoundaryEvents(elements, problems);
  checkCatchCodes(elements, problems);
  checkEventNames(elements, problems);
  const none = top.startEvents.filter((id) => elements.get(id)?.eventKind === undefined);
  if (none.length > 1) {
    const ids = none.map((id) => `'${id}'`).join(', ');
    problems.add(processId, `a process may have only one none start event, but has ${none.length}: ${ids}`);
  } else if (top.startEvents.length === 0) {
    problems.add(processId, 'the process needs a start event');
  }
  const compiled: ExecutableProcess = {
    bpmnProcessId: processId,
    startEventIds: top.startEvents,
    eventSubProcessIds: top.eventSubProcesses,
    // fromEntries defines own properties, so no id can reach a prototype.
    elements: Object.fromEntries(elements),
    flows: Object.fromEntries(flows),
  };
  if (none[0] !== undefined) compiled.startEventId = none[0];
  const joins = [...elements.values()].filter((e) => e.type === 'inclusiveGateway' && e.incoming.length > 1);
  if (joins.length > 0) compiled.inclusiveJoinIds = joins.map((e) => e.id);
  if (process.name !== undefined) compiled.name = process.name;
  return compiled;
}

interface Compilation {
  elements: Map<string, FlowElement>;
  flows: Map<string, SequenceFlow>;
  problems: Problems;
}

/** The start events and event sub-processes found directly in one container. */
interface ContainerContents {
  startEvents: string[];
  eventSubProcesses: string[];
}

/**
 * Compiles the flow nodes and sequence flows of the process or of one sub-process, and the
 * sub-processes inside it, depth first. Ids are unique in a BPMN document, so every element of
 * every level goes into one map; `parentId` records the nesting.
 */
function compileContainer(
  nodes: readonly ModdleNode[],
  processId: string,
  container: Container,
  compilation: Compilation,
): ContainerContents {
  const { elements, flows, problems } = compilation;
  const contents: ContainerContents = { startEvents: [], eventSubProcesses: [] };
  for (const node of nodes) {
    if (!isFlowNode(node)) continue;
    const element = compileFlowNode(node as FlowNodeNode, processId, container, problems);
    if (!element) continue;
    elements.set(element.id, element);
    if (element.type === 'startEvent') contents.startEvents.push(element.id);
    if (element.type === 'subProcess') {
      const inner = compileContainer(
        (node as FlowNodeNode).flowElements ?? [],
        processId,
        { parentId: element.id, eventSubProcess: element.triggeredByEvent === true },
        compilation,
      );
      compileSubProcess(element, inner, problems);
      if (element.triggeredByEvent) contents.eventSubProcesses.push(element.id);
    }
  }
  for (const [id, flow] of compileFlows(processId, nodes, elements, problems)) flows.set(id, flow);
  return contents;
}

/**
 * An embedded sub-process starts at its one none start event; an event sub-process at its
 * one start event with a definition, and has no sequence flows of its own (§9).
 */
function compileSubProcess(element: FlowElement, inner: ContainerContents, problems: Problems): void {
  if (inner.eventSubProcesses.length > 0) element.eventSubProcessIds = inner.eventSubProcesses;
  const [start, ...more] = inner.startEvents;
  if (element.triggeredByEvent) {
    if (start === undefined || more.length > 0) {
      problems.add(
        element.id,
        `an event sub-process needs exactly one start event, but has ${inner.startEvents.length}`,
      );
    } else {
      element.startEventId = start;
    }
    return;
  }
  if (start === undefined || more.length > 0) {
    problems.add(
      element.id,
      `an embedded sub-process needs exactly one none start event, but has ${inner.startEvents.length}`,
    );
    return;
  }
  element.startEventId = start;
}

/** Activities that boundary events can be attached to so far. */
const ATTACHABLE = new Set([
  'serviceTask',
  'sendTask',
  'scriptTask',
  'userTask',
  'subProcess',
  'callActivity',
  'receiveTask',
]);

/** Links each boundary event to its activity. */
function attachBoundaryEvents(elements: Map<string, FlowElement>, problems: Problems): void {
  for (const element of elements.values()) {
    if (element.type !== 'boundaryEvent' || element.attachedToId === undefined) continue;
    const activity = elements.get(element.attachedToId);
    if (!activity || !ATTACHABLE.has(activity.type) || activity.triggeredByEvent) {
      problems.add(
        element.id,
        `a boundary event attached to '${element.attachedToId}' is not supported yet: only tasks, embedded sub-processes and call activities take boundary events`,
      );
      continue;
    }
    if (activity.parentId !== element.parentId) {
      problems.add(
        element.id,
        `a boundary event must sit in the same scope as its activity '${activity.id}'`,
      );
      continue;
    }
    activity.boundaryEventIds = [...(activity.boundaryEventIds ?? []), element.id];
  }
}

/**
 * Zeebe refuses two catch events of one kind for the same code on one activity or in one
 * scope's event sub-processes, and two catch-alls: which one catches would be ambiguous.
 */
function checkCatchCodes(elements: Map<string, FlowElement>, problems: Problems): void {
  const groups = new Map<string, FlowElement[]>();
  for (const element of elements.values()) {
    const kind = element.eventKind;
    if (kind !== 'error' && kind !== 'escalation') continue;
    let owner: string | undefined;
    if (element.type === 'boundaryEvent') owner = `boundary:${element.attachedToId}`;
    else if (element.type === 'startEvent' && element.parentId !== undefined) {
      owner = `scope:${elements.get(element.parentId)?.parentId ?? '<process>'}`;
    }
    if (owner === undefined) continue;
    const code = element[kind]?.code;
    const key = `${owner}|${kind}|${code?.kind === 'static' ? code.value : '*'}`;
    groups.set(key, [...(groups.get(key) ?? []), element]);
  }
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    const [, kind, code] = key.split('|');
    const what = code === '*' ? `catch every ${kind}` : `catch the ${kind} code '${code}'`;
    for (const element of group.slice(1))
      problems.add(element.id, `'${group[0]?.id}' and '${element.id}' both ${what} in the same place`);
  }
}
