/**
 * A small process for the operations suite, with a diagram (the viewer needs one):
 * start → "Periksa data" (a job type no worker handles, so the test drives it) →
 * "Tinjau hasil" (a job-based user task for back office) → end.
 */
export const OPS_PROCESS_ID = 'ops-e2e-review';
export const CHECK_JOB_TYPE = 'e2e.ops.periksa';

export const OPS_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:modeler="http://camunda.org/schema/modeler/1.0"
  id="Definitions_ops" targetNamespace="http://bpmn.io/schema/bpmn"
  exporter="Camunda Modeler" exporterVersion="5.40.0"
  modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="${OPS_PROCESS_ID}" name="Uji tinjauan data" isExecutable="true">
    <bpmn:startEvent id="mulai" name="Permintaan masuk">
      <bpmn:outgoing>f1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:serviceTask id="periksa" name="Periksa data">
      <bpmn:extensionElements><zeebe:taskDefinition type="${CHECK_JOB_TYPE}" retries="3" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming>
      <bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:userTask id="tinjau" name="Tinjau hasil">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="backoffice" /></bpmn:extensionElements>
      <bpmn:incoming>f2</bpmn:incoming>
      <bpmn:outgoing>f3</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="selesai" name="Selesai">
      <bpmn:incoming>f3</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="mulai" targetRef="periksa" />
    <bpmn:sequenceFlow id="f2" sourceRef="periksa" targetRef="tinjau" />
    <bpmn:sequenceFlow id="f3" sourceRef="tinjau" targetRef="selesai" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_ops">
    <bpmndi:BPMNPlane id="Plane_ops" bpmnElement="${OPS_PROCESS_ID}">
      <bpmndi:BPMNShape id="mulai_di" bpmnElement="mulai">
        <dc:Bounds x="152" y="102" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="126" y="145" width="88" height="27" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="periksa_di" bpmnElement="periksa">
        <dc:Bounds x="250" y="80" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="tinjau_di" bpmnElement="tinjau">
        <dc:Bounds x="420" y="80" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="selesai_di" bpmnElement="selesai">
        <dc:Bounds x="592" y="102" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="591" y="145" width="38" height="14" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1">
        <di:waypoint x="188" y="120" /><di:waypoint x="250" y="120" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2">
        <di:waypoint x="350" y="120" /><di:waypoint x="420" y="120" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3">
        <di:waypoint x="520" y="120" /><di:waypoint x="592" y="120" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
