import type { FlowNodeNode, ModdleNode, SequenceFlowNode } from './parse.ts';
import type { Problems } from './problems.ts';
import type { FlowElement, SequenceFlow } from './types.ts';

/**
 * Connects the process's sequence flows to its compiled elements. Outgoing flows are in the
 * order Zeebe 8.8's engine tests a gateway's conditions in: the reverse of the
 * `<bpmn:sequenceFlow>` document order, whatever the node's `<bpmn:outgoing>` references say
 * (checked against Zeebe's engine in tests/conformance and compile.test.ts).
 */
export function compileFlows(
  processId: string,
  nodes: readonly ModdleNode[],
  elements: ReadonlyMap<string, FlowElement>,
  problems: Problems,
): Map<string, SequenceFlow> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const flows = new Map<string, SequenceFlow>();
  for (const node of nodes) {
    if (node.$type !== 'bpmn:SequenceFlow') continue;
    const flow = compileFlow(node as SequenceFlowNode, processId, byId, elements, problems);
    if (!flow) continue;
    flows.set(flow.id, flow);
    elements.get(flow.sourceId)?.outgoing.push(flow);
    elements.get(flow.targetId)?.incoming.push(flow.id);
  }
  for (const node of nodes) {
    const element = node.id === undefined ? undefined : elements.get(node.id);
    if (element) orderOutgoing(element);
    if (element?.type === 'exclusiveGateway' || element?.type === 'inclusiveGateway') {
      checkExclusiveGateway(node as FlowNodeNode, element, byId, problems);
    }
    if (element?.type === 'eventBasedGateway') checkEventBasedGateway(element, elements, problems);
    if (element?.type === 'endEvent' && element.outgoing.length > 0) {
      problems.add(element.id, 'an end event must not have outgoing sequence flows');
    }
  }
  return flows;
}

function orderOutgoing(element: FlowElement): void {
  element.outgoing.reverse();
}

function compileFlow(
  node: SequenceFlowNode,
  processId: string,
  byId: ReadonlyMap<string | undefined, ModdleNode>,
  elements: ReadonlyMap<string, FlowElement>,
  problems: Problems,
): SequenceFlow | undefined {
  const id = problems.id(node, ` in process '${processId}'`);
  if (id === undefined) return undefined;
  const sourceId = endpoint(id, 'sourceRef', node.sourceRef, processId, byId, problems);
  const targetId = endpoint(id, 'targetRef', node.targetRef, processId, byId, problems);
  if (sourceId === undefined || targetId === undefined) return undefined;
  const flow: SequenceFlow = { id, sourceId, targetId };
  const source = elements.get(sourceId);
  if (node.conditionExpression === undefined) return flow;
  if (source !== undefined && source.type !== 'exclusiveGateway' && source.type !== 'inclusiveGateway') {
    problems.add(id, 'only sequence flows leaving an exclusive or inclusive gateway can have a condition');
    return flow;
  }
  // Zeebe reads the trimmed text content of <bpmn:conditionExpression>.
  const raw = (node.conditionExpression.body ?? '').trim();
  const condition = problems.value(id, 'the condition', raw, { expressionOnly: true });
  if (condition?.kind === 'expression') flow.condition = condition.source;
  return flow;
}

function endpoint(
  flowId: string,
  property: 'sourceRef' | 'targetRef',
  ref: ModdleNode | undefined,
  processId: string,
  byId: ReadonlyMap<string | undefined, ModdleNode>,
  problems: Problems,
): string | undefined {
  if (ref?.id === undefined) {
    // A dangling reference was reported while parsing; an absent attribute was not.
    if (!problems.has(flowId)) problems.add(flowId, `a sequence flow needs a ${property}`);
    return undefined;
  }
  if (byId.get(ref.id) !== ref) {
    problems.add(flowId, `${property} '${ref.id}' is not an element of process '${processId}'`);
    return undefined;
  }
  if (ref.$type === 'bpmn:SequenceFlow' || /^bpmn:Data/.test(ref.$type)) {
    problems.add(flowId, `${property} '${ref.id}' is a ${ref.$type}, not a flow node`);
    return undefined;
  }
  return ref.id;
}

/**
 * Zeebe's rules: the default flow must leave the gateway; with several outgoing flows, every
 * other flow needs a condition. A condition on the default flow is accepted (its syntax was
 * checked) but never evaluated, as in Zeebe's ExclusiveGatewayProcessor, so it is dropped.
 */
function checkExclusiveGateway(
  node: FlowNodeNode,
  gateway: FlowElement,
  byId: ReadonlyMap<string | undefined, ModdleNode>,
  problems: Problems,
): void {
  const defaultId = node.default?.id;
  if (defaultId !== undefined) {
    const defaultFlow = gateway.outgoing.find((flow) => flow.id === defaultId);
    if (defaultFlow === undefined) {
      problems.add(gateway.id, `the default flow '${defaultId}' must start at the gateway`);
    } else {
      gateway.defaultFlowId = defaultId;
      delete defaultFlow.condition;
    }
  }
  if (gateway.outgoing.length < 2) return;
  for (const flow of gateway.outgoing) {
    const model = byId.get(flow.id) as SequenceFlowNode | undefined;
    if (flow.id !== defaultId && model?.conditionExpression === undefined) {
      problems.add(
        flow.id,
        `a sequence flow leaving ${gateway.type === 'inclusiveGateway' ? 'inclusive' : 'exclusive'} gateway '${gateway.id}' needs a condition or must be its default flow`,
      );
    }
  }
}

/**
 * Zeebe's rules for an event-based gateway: at least two outgoing flows, each to an
 * intermediate catch event with a timer, message or signal, and no two waiting for the same
 * message or signal.
 */
function checkEventBasedGateway(
  gateway: FlowElement,
  elements: ReadonlyMap<string, FlowElement>,
  problems: Problems,
): void {
  if (gateway.outgoing.length < 2) {
    problems.add(gateway.id, 'an event-based gateway needs at least two outgoing sequence flows');
  }
  const names = new Set<string>();
  for (const flow of gateway.outgoing) {
    const target = elements.get(flow.targetId);
    if (!target) continue;
    const kind = target.eventKind;
    if (
      target.type !== 'intermediateCatchEvent' ||
      (kind !== 'timer' && kind !== 'message' && kind !== 'signal')
    ) {
      problems.add(
        gateway.id,
        `an event-based gateway may only lead to intermediate timer, message or signal catch events, but '${target.id}' is a ${target.type}`,
      );
      continue;
    }
    const name =
      kind === 'message' ? target.message?.name : kind === 'signal' ? target.signal?.name : undefined;
    if (name?.kind !== 'static') continue;
    const key = `${kind}:${name.value}`;
    if (names.has(key))
      problems.add(gateway.id, `two events after the gateway wait for the ${kind} '${name.value}'`);
    names.add(key);
  }
}
