import { bpmn } from '../fixtures/bpmn/build.ts';

export const PROCESS_ID = 'bench-reference';
export const JOB_TYPES = ['bench.one', 'bench.two', 'bench.three'] as const;

/** The variables each task's worker completes its job with (the raw replay writes the same rows). */
export function completion(type: string, amount: number): Record<string, boolean | string | number> {
  if (type === 'bench.one') return { checked: true };
  if (type === 'bench.two') return { enriched: 'yes' };
  return { score: amount * 2 + 1 };
}

/** Start variables of instance `i`: half the instances end high, half low. */
export const startVariables = (i: number) => ({ amount: i % 100 });

/**
 * start → bench.one → bench.two → bench.three → exclusive gateway on the score the last task
 * sets (`=score > 100`, else the default flow) → two end events.
 */
export const referenceBpmn = bpmn(
  PROCESS_ID,
  `<bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
   ${JOB_TYPES.map(
     (type, i) => `<bpmn:serviceTask id="t${i + 1}">
     <bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements>
     <bpmn:incoming>f${i}</bpmn:incoming><bpmn:outgoing>f${i + 1}</bpmn:outgoing></bpmn:serviceTask>`,
   ).join('\n   ')}
   <bpmn:exclusiveGateway id="gw" default="low"><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>high</bpmn:outgoing><bpmn:outgoing>low</bpmn:outgoing></bpmn:exclusiveGateway>
   <bpmn:endEvent id="end_high"><bpmn:incoming>high</bpmn:incoming></bpmn:endEvent>
   <bpmn:endEvent id="end_low"><bpmn:incoming>low</bpmn:incoming></bpmn:endEvent>
   <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="t1" />
   <bpmn:sequenceFlow id="f1" sourceRef="t1" targetRef="t2" />
   <bpmn:sequenceFlow id="f2" sourceRef="t2" targetRef="t3" />
   <bpmn:sequenceFlow id="f3" sourceRef="t3" targetRef="gw" />
   <bpmn:sequenceFlow id="high" sourceRef="gw" targetRef="end_high"><bpmn:conditionExpression>=score &gt; 100</bpmn:conditionExpression></bpmn:sequenceFlow>
   <bpmn:sequenceFlow id="low" sourceRef="gw" targetRef="end_low" />`,
);

/**
 * The same shape for bpmn-engine: service tasks call `environment.services.<name>`, and the
 * gateway's condition asks a service whether the score is high (bpmn-engine has no FEEL).
 */
export const peerBpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_peer"
  targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${PROCESS_ID}" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
    ${JOB_TYPES.map(
      (
        type,
        i,
      ) => `<bpmn:serviceTask id="t${i + 1}" implementation="\${environment.services.${type.replace('bench.', '')}}">
      <bpmn:incoming>f${i}</bpmn:incoming><bpmn:outgoing>f${i + 1}</bpmn:outgoing></bpmn:serviceTask>`,
    ).join('\n    ')}
    <bpmn:exclusiveGateway id="gw" default="low"><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>high</bpmn:outgoing><bpmn:outgoing>low</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:endEvent id="end_high"><bpmn:incoming>high</bpmn:incoming></bpmn:endEvent>
    <bpmn:endEvent id="end_low"><bpmn:incoming>low</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="t1" />
    <bpmn:sequenceFlow id="f1" sourceRef="t1" targetRef="t2" />
    <bpmn:sequenceFlow id="f2" sourceRef="t2" targetRef="t3" />
    <bpmn:sequenceFlow id="f3" sourceRef="t3" targetRef="gw" />
    <bpmn:sequenceFlow id="high" sourceRef="gw" targetRef="end_high"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\${environment.services.isHigh()}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="low" sourceRef="gw" targetRef="end_low" />
  </bpmn:process>
</bpmn:definitions>
`;
