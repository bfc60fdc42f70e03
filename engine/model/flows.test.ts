import { describe, expect, it } from 'vitest';
import { bpmn, problemsOf, startingWith } from './fixtures/build.ts';

describe('compileBpmn rejects what Zeebe rejects about start and end events and flows', () => {
  it('given no none start event, or two, says exactly one is needed', async () => {
    expect(await problemsOf(bpmn('<bpmn:manualTask id="t" />'))).toEqual([
      'test-process: the process needs a start event',
    ]);
    expect(await problemsOf(bpmn('<bpmn:startEvent id="a" /><bpmn:startEvent id="b" />'))).toEqual([
      "test-process: a process may have only one none start event, but has 2: 'a', 'b'",
    ]);
  });

  it('given an end event with an outgoing flow, rejects it', async () => {
    const xml = startingWith(
      'end',
      '<bpmn:endEvent id="end" /><bpmn:manualTask id="t" /><bpmn:sequenceFlow id="on" sourceRef="end" targetRef="t" />',
    );
    expect(await problemsOf(xml)).toEqual(['end: an end event must not have outgoing sequence flows']);
  });

  it('given a flow to a missing element, or without a source, names the flow', async () => {
    expect(
      await problemsOf(
        bpmn('<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="nope" />'),
      ),
    ).toEqual(["f: targetRef refers to 'nope', which does not exist"]);
    expect(
      await problemsOf(bpmn('<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f" targetRef="s" />')),
    ).toEqual(['f: a sequence flow needs a sourceRef']);
  });

  it('given a flow into another process, rejects it', async () => {
    const xml = bpmn(
      '<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="elsewhere" />',
    ).replace(
      '</bpmn:definitions>',
      '<bpmn:process id="other" isExecutable="false"><bpmn:task id="elsewhere" /></bpmn:process></bpmn:definitions>',
    );
    expect(await problemsOf(xml)).toEqual([
      "f: targetRef 'elsewhere' is not an element of process 'test-process'",
    ]);
  });
});

describe('compileBpmn rejects what Zeebe rejects about conditions', () => {
  const gateway = (flows: string, attributes = '') =>
    startingWith(
      'gw',
      `<bpmn:exclusiveGateway id="gw" ${attributes} /><bpmn:manualTask id="x" /><bpmn:manualTask id="y" />${flows}`,
    );
  const flow = (id: string, target: string, condition?: string) =>
    `<bpmn:sequenceFlow id="${id}" sourceRef="gw" targetRef="${target}">${
      condition === undefined
        ? ''
        : `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression>`
    }</bpmn:sequenceFlow>`;

  it('given several outgoing flows, requires a condition on every flow but the default', async () => {
    expect(await problemsOf(gateway(flow('a', 'x', '=p') + flow('b', 'y')))).toEqual([
      "b: a sequence flow leaving exclusive gateway 'gw' needs a condition or must be its default flow",
    ]);
  });

  it('given a static or empty condition, requires a FEEL expression', async () => {
    expect(await problemsOf(gateway(flow('a', 'x', 'p') + flow('b', 'y', ''), 'default="b"'))).toEqual([
      "a: the condition 'p' must be a FEEL expression starting with '=' (e.g. '=p')",
      "b: the condition is empty but must be a FEEL expression starting with '=' (e.g. '=x')",
    ]);
  });

  it('given a default flow that leaves another element, rejects it', async () => {
    const xml = gateway(flow('a', 'x', '=p'), 'default="to_gw"');
    expect(await problemsOf(xml)).toEqual(["gw: the default flow 'to_gw' must start at the gateway"]);
  });

  it('given a condition on a flow leaving a task or a parallel gateway, rejects it', async () => {
    const xml =
      bpmn(`<bpmn:startEvent id="start" /><bpmn:parallelGateway id="fork" /><bpmn:manualTask id="t" />
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork"><bpmn:conditionExpression>=a</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="t"><bpmn:conditionExpression>=b</bpmn:conditionExpression></bpmn:sequenceFlow>`);
    expect(await problemsOf(xml)).toEqual([
      'f1: only sequence flows leaving an exclusive or inclusive gateway can have a condition',
      'f2: only sequence flows leaving an exclusive or inclusive gateway can have a condition',
    ]);
  });
});
