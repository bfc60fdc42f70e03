/**
 * Models for the repository's suites: lint-clean (every element named, full diagram), as
 * Desktop Modeler saves them for Camunda 8.8.
 */
export function cleanProcess(
  processId: string,
  options: { jobType?: string; taskName?: string } = {},
): string {
  const type = options.jobType ?? 'test.repository.work';
  const name = options.taskName ?? 'Kerjakan';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:modeler="http://camunda.org/schema/modeler/1.0"
  id="Definitions_${processId}" targetNamespace="http://bpmn.io/schema/bpmn"
  exporter="Camunda Modeler" exporterVersion="5.40.0"
  modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="${processId}" name="Proses Uji" isExecutable="true">
    <bpmn:startEvent id="start" name="Mulai"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="work" name="${name}">
      <bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="end" name="Selesai"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram">
    <bpmndi:BPMNPlane id="plane" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="work_di" bpmnElement="work"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** The same process without a diagram or names: it deploys, but lint finds errors. */
export function unlintedProcess(processId: string): string {
  return cleanProcess(processId)
    .replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '')
    .replace(' name="Mulai"', '');
}

export function form(id: string, label = 'Keputusan'): string {
  return JSON.stringify({
    id,
    type: 'default',
    executionPlatform: 'Camunda Cloud',
    executionPlatformVersion: '8.8.0',
    schemaVersion: 18,
    components: [{ type: 'textfield', key: 'decision', label, properties: { label_en: 'Decision' } }],
  });
}

export function decision(id: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="drg_${id}" name="Uji" namespace="http://camunda.org/schema/1.0/dmn">
  <decision id="${id}" name="Keputusan Uji">
    <decisionTable id="table_${id}" hitPolicy="FIRST">
      <input id="in1" label="Skor"><inputExpression id="ie1" typeRef="number"><text>score</text></inputExpression></input>
      <output id="out1" name="level" typeRef="string" />
      <rule id="r1"><inputEntry id="e1"><text>&gt;= 50</text></inputEntry><outputEntry id="o1"><text>"tinggi"</text></outputEntry></rule>
      <rule id="r2"><inputEntry id="e2"><text>-</text></inputEntry><outputEntry id="o2"><text>"rendah"</text></outputEntry></rule>
    </decisionTable>
  </decision>
</definitions>
`;
}
