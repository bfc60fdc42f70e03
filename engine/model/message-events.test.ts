import { describe, expect, it } from 'vitest';
import { bpmn as document } from '../../tests/fixtures/bpmn/build.ts';
import { compileBpmn } from './compile.ts';
import { fakeChecker, problemsOf } from './fixtures/build.ts';

const reply =
  '<bpmn:message id="reply" name="customer.reply"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseId" /></bpmn:extensionElements></bpmn:message>';
const outage = '<bpmn:signal id="outage" name="core-banking.outage" />';
const job =
  '<bpmn:extensionElements><zeebe:taskDefinition type="crm.cases.notify" /></bpmn:extensionElements>';

async function compiled(body: string, roots = `${reply}${outage}`) {
  const result = await compileBpmn('case.bpmn', document('complaint', body, { roots }), fakeChecker().check);
  expect(result.problems).toEqual([]);
  return result.processes[0]?.elements ?? {};
}

async function problems(body: string, roots = `${reply}${outage}`) {
  return problemsOf(document('complaint', body, { roots }));
}

describe('compileBpmn reads message and signal events', () => {
  it('given message catches, keeps the name and the correlation key expression', async () => {
    const elements = await compiled(`<bpmn:startEvent id="start" />
      <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="reply" /></bpmn:intermediateCatchEvent>
      <bpmn:receiveTask id="receive" messageRef="reply" />
      <bpmn:boundaryEvent id="update" attachedToRef="receive" cancelActivity="false"><bpmn:messageEventDefinition messageRef="reply" /></bpmn:boundaryEvent>`);
    const message = { name: { kind: 'static', value: 'customer.reply' }, correlationKey: 'caseId' };
    expect(elements.wait).toMatchObject({ type: 'intermediateCatchEvent', eventKind: 'message', message });
    expect(elements.receive).toMatchObject({ type: 'receiveTask', message, boundaryEventIds: ['update'] });
    expect(elements.update).toMatchObject({ eventKind: 'message', cancelActivity: false, message });
  });

  it('given a message start event, needs no subscription; a name may be an expression', async () => {
    const roots = '<bpmn:message id="open" name="=&quot;case.opened&quot;" />';
    const elements = await compiled(
      '<bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="open" /></bpmn:startEvent>',
      roots,
    );
    expect(elements.start).toMatchObject({
      eventKind: 'message',
      message: { name: { kind: 'expression', source: '"case.opened"' } },
    });
    expect(elements.start?.message?.correlationKey).toBeUndefined();
  });

  it('given signal catch, throw and start events and a message end event, compiles each', async () => {
    const elements =
      await compiled(`<bpmn:startEvent id="start"><bpmn:signalEventDefinition signalRef="outage" /></bpmn:startEvent>
      <bpmn:intermediateCatchEvent id="catch"><bpmn:signalEventDefinition signalRef="outage" /></bpmn:intermediateCatchEvent>
      <bpmn:intermediateThrowEvent id="throw"><bpmn:signalEventDefinition signalRef="outage" /></bpmn:intermediateThrowEvent>
      <bpmn:endEvent id="notify">${job}<bpmn:messageEventDefinition /></bpmn:endEvent>`);
    const signal = { name: { kind: 'static', value: 'core-banking.outage' } };
    expect(elements.start).toMatchObject({ eventKind: 'signal', signal });
    expect(elements.catch).toMatchObject({ eventKind: 'signal', signal });
    expect(elements.throw).toMatchObject({ eventKind: 'signal', signal });
    expect(elements.notify).toMatchObject({
      eventKind: 'message',
      job: { type: { kind: 'static', value: 'crm.cases.notify' } },
    });
  });
});

describe('compileBpmn rejects message and signal events Zeebe would reject', () => {
  it('given a catch without a message, a nameless message, or no subscription, names the element', async () => {
    const roots = '<bpmn:message id="blank" /><bpmn:message id="plain" name="reply" />';
    expect(
      await problems(
        `<bpmn:startEvent id="start" />
         <bpmn:intermediateCatchEvent id="a"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>
         <bpmn:intermediateCatchEvent id="b"><bpmn:messageEventDefinition messageRef="blank" /></bpmn:intermediateCatchEvent>
         <bpmn:receiveTask id="c" messageRef="plain" />`,
        roots,
      ),
    ).toEqual([
      'a: a message event needs a messageRef to a <bpmn:message>',
      "b: the message 'blank' needs a name",
      "c: the message 'plain' needs a <zeebe:subscription correlationKey> to be caught here",
    ]);
  });

  it('given a static correlation key, requires an expression', async () => {
    const roots =
      '<bpmn:message id="m" name="reply"><bpmn:extensionElements><zeebe:subscription correlationKey="caseId" /></bpmn:extensionElements></bpmn:message>';
    expect(
      await problems('<bpmn:startEvent id="start" /><bpmn:receiveTask id="r" messageRef="m" />', roots),
    ).toEqual([
      "r: the correlation key of the message 'm' 'caseId' must be a FEEL expression starting with '=' (e.g. '=caseId')",
    ]);
  });

  it('given a message throw event without a job type, or a signal event without a signal, says so', async () => {
    expect(
      await problems(`<bpmn:startEvent id="start" />
        <bpmn:intermediateThrowEvent id="t"><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>
        <bpmn:endEvent id="e"><bpmn:signalEventDefinition /></bpmn:endEvent>`),
    ).toEqual([
      't: a message throw event needs <zeebe:taskDefinition type>',
      'e: a signal event needs a signalRef to a <bpmn:signal>',
    ]);
  });

  it('given two boundary events or two start events waiting for one name, refuses the second', async () => {
    const roots = `${reply}<bpmn:message id="again" name="customer.reply" />${outage}`;
    expect(
      await problems(
        `<bpmn:startEvent id="s1"><bpmn:messageEventDefinition messageRef="reply" /></bpmn:startEvent>
         <bpmn:startEvent id="s2"><bpmn:messageEventDefinition messageRef="again" /></bpmn:startEvent>
         <bpmn:receiveTask id="r" messageRef="reply" />
         <bpmn:boundaryEvent id="b1" attachedToRef="r"><bpmn:signalEventDefinition signalRef="outage" /></bpmn:boundaryEvent>
         <bpmn:boundaryEvent id="b2" attachedToRef="r" cancelActivity="false"><bpmn:signalEventDefinition signalRef="outage" /></bpmn:boundaryEvent>`,
        roots,
      ),
    ).toEqual([
      "s2: 's1' and 's2' both wait for the message 'customer.reply' in the same place; names must be unique there",
      "b2: 'b1' and 'b2' both wait for the signal 'core-banking.outage' in the same place; names must be unique there",
    ]);
  });
});
