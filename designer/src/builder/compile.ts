import type { Flow } from './flow.ts';
import { type Bounds, type Graph, type GraphEdge, type GraphNode, layoutFlow } from './layout.ts';

/**
 * The builder's one way to BPMN: `compile(flow)` is a pure function from the flow to a BPMN
 * document as Camunda Modeler 5 saves it for Camunda 8.8 — job-based user tasks, the
 * notification template's service task, timers, exclusive gateways, a complete diagram — with
 * the flow itself kept in a `zeebe:property` of the process so the builder can open it again.
 */

/** The name of the process property holding the flow's JSON. */
export const FLOW_PROPERTY = 'builder.flow';
/** The element template the notify steps apply (processes/element-templates/notifications.json). */
export const NOTIFY_TEMPLATE = { id: 'crm.notifications.send', version: 1 } as const;
/** Used while the owner has not named the process yet, so the preview still draws. */
export const DRAFT_PROCESS_ID = 'proses-baru';

const NAMESPACES = [
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"',
  'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"',
  'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"',
  'xmlns:di="http://www.omg.org/spec/DD/20100524/DI"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
  'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"',
  'xmlns:modeler="http://camunda.org/schema/modeler/1.0"',
].join(' ');

export function compile(flow: Flow): string {
  const graph = layoutFlow(flow);
  const processId = flow.id.trim() || DRAFT_PROCESS_ID;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<bpmn:definitions ${NAMESPACES} id="Definitions_${attr(processId)}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="bpm-crm-platform builder" exporterVersion="1" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">`,
    `  <bpmn:process id="${attr(processId)}" name="${attr(flow.name)}" isExecutable="true">`,
    '    <bpmn:documentation>Dibuat dengan pembuat sederhana; ubah di pembuat agar alurnya tetap bisa dibuka di sana.</bpmn:documentation>',
    '    <bpmn:extensionElements>',
    '      <zeebe:properties>',
    `        <zeebe:property name="${FLOW_PROPERTY}" value="${attr(canonicalJson(flow))}" />`,
    '      </zeebe:properties>',
    '    </bpmn:extensionElements>',
    ...graph.nodes.flatMap((node) => [
      ...element(node, graph),
      ...graph.edges.filter((edge) => edge.source === node.id).flatMap(sequenceFlow),
    ]),
    '  </bpmn:process>',
    '  <bpmndi:BPMNDiagram id="BPMNDiagram_1">',
    `    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${attr(processId)}">`,
    ...graph.nodes.flatMap(shape),
    ...graph.edges.flatMap(edgeDi),
    '    </bpmndi:BPMNPlane>',
    '  </bpmndi:BPMNDiagram>',
    '</bpmn:definitions>',
    '',
  ].join('\n');
}

/** The same flow always writes the same XML, whatever order its objects list their keys in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

const I = '    ';

function element(node: GraphNode, graph: Graph): string[] {
  const refs = [
    ...graph.edges
      .filter((e) => e.target === node.id)
      .map((e) => `${I}  <bpmn:incoming>${e.id}</bpmn:incoming>`),
    ...graph.edges
      .filter((e) => e.source === node.id)
      .map((e) => `${I}  <bpmn:outgoing>${e.id}</bpmn:outgoing>`),
  ];
  switch (node.kind) {
    case 'start':
      return [
        `${I}<bpmn:startEvent id="${node.id}" name="${attr(node.name)}">`,
        ...refs,
        `${I}</bpmn:startEvent>`,
      ];
    case 'end':
      return [
        `${I}<bpmn:endEvent id="${node.id}" name="${attr(node.name)}">`,
        ...refs,
        `${I}</bpmn:endEvent>`,
      ];
    case 'approval': {
      const { step } = node;
      return [
        `${I}<bpmn:userTask id="${node.id}" name="${attr(step.name)}">`,
        `${I}  <bpmn:extensionElements>`,
        `${I}    <zeebe:assignmentDefinition candidateGroups="${attr(step.candidateGroup)}" />`,
        ...(step.formId ? [`${I}    <zeebe:formDefinition formId="${attr(step.formId)}" />`] : []),
        ...(step.dueInHours !== undefined
          ? [`${I}    <zeebe:taskSchedule dueDate="${attr(`=now() + duration("PT${step.dueInHours}H")`)}" />`]
          : []),
        `${I}  </bpmn:extensionElements>`,
        ...refs,
        `${I}</bpmn:userTask>`,
      ];
    }
    case 'notify': {
      const { step } = node;
      const input = (source: string, target: string) =>
        `${I}      <zeebe:input source="${attr(source)}" target="${target}" />`;
      return [
        `${I}<bpmn:serviceTask id="${node.id}" name="${attr(step.name)}" zeebe:modelerTemplate="${NOTIFY_TEMPLATE.id}" zeebe:modelerTemplateVersion="${NOTIFY_TEMPLATE.version}">`,
        `${I}  <bpmn:extensionElements>`,
        `${I}    <zeebe:taskDefinition type="crm.notifications.send" />`,
        `${I}    <zeebe:ioMapping>`,
        input('=customerId', 'customerId'),
        input(step.channel, 'channel'),
        input(step.templateKey, 'templateKey'),
        input(step.purpose, 'purpose'),
        input('id', 'locale'),
        `${I}      <zeebe:output source="=notificationId" target="notificationId" />`,
        `${I}    </zeebe:ioMapping>`,
        `${I}  </bpmn:extensionElements>`,
        ...refs,
        `${I}</bpmn:serviceTask>`,
      ];
    }
    case 'wait':
      return [
        `${I}<bpmn:intermediateCatchEvent id="${node.id}" name="${attr(node.name)}">`,
        ...refs,
        ...timer(node.id, node.duration),
        `${I}</bpmn:intermediateCatchEvent>`,
      ];
    case 'boundary':
      return [
        `${I}<bpmn:boundaryEvent id="${node.id}" name="${attr(node.name)}" cancelActivity="false" attachedToRef="${node.attachedTo}">`,
        ...refs,
        ...timer(node.id, node.duration),
        `${I}</bpmn:boundaryEvent>`,
      ];
    case 'split':
    case 'join': {
      const name = node.name ? ` name="${attr(node.name)}"` : '';
      const fallback = node.kind === 'split' && node.defaultFlow ? ` default="${node.defaultFlow}"` : '';
      return [
        `${I}<bpmn:exclusiveGateway id="${node.id}"${name}${fallback}>`,
        ...refs,
        `${I}</bpmn:exclusiveGateway>`,
      ];
    }
  }
}

function timer(id: string, duration: string): string[] {
  return [
    `${I}  <bpmn:timerEventDefinition id="TimerEventDefinition_${id}">`,
    `${I}    <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${text(duration)}</bpmn:timeDuration>`,
    `${I}  </bpmn:timerEventDefinition>`,
  ];
}

function sequenceFlow(edge: GraphEdge): string[] {
  const open = `${I}<bpmn:sequenceFlow id="${edge.id}"${edge.name ? ` name="${attr(edge.name)}"` : ''} sourceRef="${edge.source}" targetRef="${edge.target}"`;
  if (edge.condition === undefined) return [`${open} />`];
  return [
    `${open}>`,
    `${I}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${text(`=${edge.condition}`)}</bpmn:conditionExpression>`,
    `${I}</bpmn:sequenceFlow>`,
  ];
}

const D = '      ';

function shape(node: GraphNode): string[] {
  const marker = node.kind === 'split' || node.kind === 'join' ? ' isMarkerVisible="true"' : '';
  const label = 'label' in node && node.label ? labelDi(node.label) : [];
  return [
    `${D}<bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"${marker}>`,
    `${D}  ${bounds(node.bounds)}`,
    ...label,
    `${D}</bpmndi:BPMNShape>`,
  ];
}

function edgeDi(edge: GraphEdge): string[] {
  return [
    `${D}<bpmndi:BPMNEdge id="${edge.id}_di" bpmnElement="${edge.id}">`,
    ...edge.waypoints.map((p) => `${D}  <di:waypoint x="${p.x}" y="${p.y}" />`),
    ...(edge.label ? labelDi(edge.label) : []),
    `${D}</bpmndi:BPMNEdge>`,
  ];
}

function labelDi(label: Bounds): string[] {
  return [`${D}  <bpmndi:BPMNLabel>`, `${D}    ${bounds(label)}`, `${D}  </bpmndi:BPMNLabel>`];
}

function bounds(b: Bounds): string {
  return `<dc:Bounds x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" />`;
}

/** An attribute value: markup and line breaks escaped (a raw line break would become a space). */
function attr(value: string): string {
  return text(value)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
