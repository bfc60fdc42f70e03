import type { ModelKind } from './api.ts';

/**
 * The first content of a new model, as Camunda Modeler 5.x starts one for Camunda 8.8: the
 * resource id equals the model's name (STYLE rule 10), the title is the human name.
 */
export function blankModel(kind: ModelKind, id: string, title: string): string {
  const name = escapeXml(title || id);
  if (kind === 'bpmn') return blankBpmn(id, name);
  if (kind === 'dmn') return blankDmn(id, name);
  return `${JSON.stringify(
    {
      type: 'default',
      id,
      components: [],
      executionPlatform: 'Camunda Cloud',
      executionPlatformVersion: '8.8.0',
      exporter: { name: 'Platform Proses Bank', version: '1.0.0' },
      schemaVersion: 18,
    },
    null,
    2,
  )}\n`;
}

function blankBpmn(id: string, name: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${id}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Platform Proses Bank" exporterVersion="1.0.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="${id}" name="${name}" isExecutable="true">
    <bpmn:startEvent id="Mulai" name="Mulai" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${id}">
    <bpmndi:BPMNPlane id="Plane_${id}" bpmnElement="${id}">
      <bpmndi:BPMNShape id="Mulai_di" bpmnElement="Mulai">
        <dc:Bounds x="182" y="162" width="36" height="36" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="187" y="205" width="27" height="14" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

function blankDmn(id: string, name: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${id}" name="${name}" namespace="http://camunda.org/schema/1.0/dmn" exporter="Platform Proses Bank" exporterVersion="1.0.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <decision id="${id}" name="${name}">
    <decisionTable id="Tabel_${id}" hitPolicy="FIRST">
      <input id="Masukan_1" label="Nilai">
        <inputExpression id="EkspresiMasukan_1" typeRef="string">
          <text>nilai</text>
        </inputExpression>
      </input>
      <output id="Keluaran_1" label="Hasil" name="hasil" typeRef="string" />
    </decisionTable>
  </decision>
  <dmndi:DMNDI>
    <dmndi:DMNDiagram id="Diagram_${id}">
      <dmndi:DMNShape id="Shape_${id}" dmnElementRef="${id}">
        <dc:Bounds height="80" width="180" x="160" y="100" />
      </dmndi:DMNShape>
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>
`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
}

export const EXTENSIONS: Record<ModelKind, string> = { bpmn: '.bpmn', dmn: '.dmn', form: '.form' };

/** The kind of a file opened from disk, by its extension. */
export function kindOfFile(fileName: string): ModelKind | undefined {
  const match = /\.(bpmn|dmn|form)$/i.exec(fileName);
  return match ? (match[1]?.toLowerCase() as ModelKind) : undefined;
}

/** Saves `content` as a file through the browser's download. */
export function download(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
