import { compileFlowNode, isFlowNode } from './elements.ts';
import { compileFlows } from './flows.ts';
import { type DefinitionsNode, type FlowNodeNode, type ProcessNode, parseDefinitions } from './parse.ts';
import { type ExpressionChecker, Problems } from './problems.ts';
import type { DeploymentProblem, ExecutableProcess, FlowElement } from './types.ts';
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
  const nodes = process.flowElements ?? [];
  const elements = new Map<string, FlowElement>();
  for (const node of nodes) {
    if (!isFlowNode(node)) continue;
    const element = compileFlowNode(node, processId, problems);
    if (element) elements.set(element.id, element);
  }
  attachBoundaryEvents(elements, problems);
  const flows = compileFlows(processId, nodes, elements, problems);
  const startEventId = noneStartEvent(processId, nodes, problems);
  if (startEventId === undefined) return undefined;
  const compiled: ExecutableProcess = {
    bpmnProcessId: processId,
    startEventId,
    // fromEntries defines own properties, so no id can reach a prototype.
    elements: Object.fromEntries(elements),
    flows: Object.fromEntries(flows),
  };
  if (process.name !== undefined) compiled.name = process.name;
  return compiled;
}

/** CreateProcessInstance starts at the process's one none start event (§13). */
function noneStartEvent(
  processId: string,
  nodes: readonly FlowNodeNode[],
  problems: Problems,
): string | undefined {
  const none = nodes.filter((node) => node.$type === 'bpmn:StartEvent' && !node.eventDefinitions?.length);
  if (none.length > 1) {
    const ids = none.map((node) => `'${node.id}'`).join(', ');
    problems.add(processId, `a process may have only one none start event, but has ${none.length}: ${ids}`);
  } else if (none.length === 0) {
    problems.add(
      processId,
      'the process needs a none start event (start events of other kinds are not supported yet)',
    );
  }
  return none.length === 1 ? none[0]?.id : undefined;
}

/** Tasks that run as jobs: the activities boundary events can be attached to so far. */
const ATTACHABLE = new Set(['serviceTask', 'sendTask', 'scriptTask', 'userTask']);

/** Links each boundary event to its activity, which must be a task that waits (a job). */
function attachBoundaryEvents(elements: Map<string, FlowElement>, problems: Problems): void {
  for (const element of elements.values()) {
    if (element.type !== 'boundaryEvent' || element.attachedToId === undefined) continue;
    const activity = elements.get(element.attachedToId);
    if (!activity || !ATTACHABLE.has(activity.type)) {
      problems.add(
        element.id,
        `a boundary event attached to '${element.attachedToId}' is not supported yet: only service, send, script and user tasks take boundary events so far`,
      );
      continue;
    }
    activity.boundaryEventIds = [...(activity.boundaryEventIds ?? []), element.id];
  }
}
