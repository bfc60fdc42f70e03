import { describe, expect, it } from 'vitest';
import { bpmn, problemsOf, serviceTask, startingWith, TASK_DEFINITION } from './fixtures/build.ts';

describe('compileBpmn rejects elements not supported yet', () => {
  it.each([
    ['bpmn:Task', '<bpmn:task id="x" />'],
    ['bpmn:ComplexGateway', '<bpmn:complexGateway id="x" />'],
  ])('given a %s, names it', async (type, element) => {
    expect(await problemsOf(bpmn(`<bpmn:startEvent id="start" />${element}`))).toEqual([
      `x: ${type} is not supported yet`,
    ]);
  });

  it.each([
    [
      'a conditional boundary event',
      '<bpmn:serviceTask id="t" /><bpmn:boundaryEvent id="x" attachedToRef="t"><bpmn:conditionalEventDefinition /></bpmn:boundaryEvent>',
      'a boundary event with a bpmn:ConditionalEventDefinition',
    ],
    [
      'a link catch event',
      '<bpmn:intermediateCatchEvent id="x"><bpmn:linkEventDefinition name="a" /></bpmn:intermediateCatchEvent>',
      'an intermediate catch event with a bpmn:LinkEventDefinition',
    ],
    [
      'a catch event without an event definition',
      '<bpmn:intermediateCatchEvent id="x" />',
      'an intermediate catch event with no event definition',
    ],
    [
      'a conditional start event',
      '<bpmn:startEvent id="x"><bpmn:conditionalEventDefinition /></bpmn:startEvent>',
      'a start event with a bpmn:ConditionalEventDefinition',
    ],
    [
      'a link throw event',
      '<bpmn:intermediateThrowEvent id="x"><bpmn:linkEventDefinition name="a" /></bpmn:intermediateThrowEvent>',
      'an intermediate throw event with a bpmn:LinkEventDefinition',
    ],
    [
      'a compensation handler',
      '<bpmn:manualTask id="x" isForCompensation="true" />',
      'bpmn:ManualTask as a compensation handler (isForCompensation)',
    ],
  ])('given %s, names it', async (_, element, what) => {
    const problems = await problemsOf(bpmn(`<bpmn:startEvent id="start" />${element}`));
    expect(problems.filter((p) => p.startsWith(`x: ${what} is not supported yet`))).toHaveLength(1);
  });

  it('given execution listeners, rejects them rather than ignore them', async () => {
    const listeners =
      '<zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit" /></zeebe:executionListeners>';
    expect(await problemsOf(serviceTask(`${TASK_DEFINITION}${listeners}`))).toEqual([
      'task: <zeebe:executionListeners> is not supported yet',
    ]);
  });
});

describe('compileBpmn rejects job workers without a valid task definition', () => {
  it.each([
    ['service', serviceTask('')],
    ['service', serviceTask('<zeebe:taskDefinition type="  " />')],
    ['send', startingWith('task', '<bpmn:sendTask id="task" />')],
    ['script', startingWith('task', '<bpmn:scriptTask id="task" />')],
  ])('given a %s task without a type, says it needs one', async (kind, xml) => {
    expect(await problemsOf(xml)).toEqual([`task: a ${kind} task needs <zeebe:taskDefinition type>`]);
  });

  it('given a script task with a FEEL script, says that is not supported yet', async () => {
    const script = '<zeebe:script expression="=a + 1" resultVariable="b" />';
    const xml = startingWith(
      'task',
      `<bpmn:scriptTask id="task"><bpmn:extensionElements>${script}</bpmn:extensionElements></bpmn:scriptTask>`,
    );
    expect(await problemsOf(xml)).toEqual([
      'task: a script task with <zeebe:script> (a FEEL script run by the engine) is not supported yet; ' +
        'give it a <zeebe:taskDefinition type> to run it as a job instead',
    ]);
    const both = xml.replace(script, `${script}${TASK_DEFINITION}`);
    expect(await problemsOf(both)).toEqual([
      'task: a script task needs either one <zeebe:script> or one <zeebe:taskDefinition>, not both',
    ]);
  });

  it('given empty retries or two task definitions, rejects them', async () => {
    expect(await problemsOf(serviceTask('<zeebe:taskDefinition type="a" retries="" />'))).toEqual([
      'task: <zeebe:taskDefinition retries> must not be empty',
    ]);
    expect(await problemsOf(serviceTask(`${TASK_DEFINITION}${TASK_DEFINITION}`))).toEqual([
      'task: has more than one <zeebe:taskDefinition>',
    ]);
  });

  it('given reserved or repeated header keys, rejects them', async () => {
    const headers = `<zeebe:taskHeaders><zeebe:header key="io.camunda.zeebe:assignee" value="x" />
      <zeebe:header key="a" value="1" /><zeebe:header key="a" value="2" /></zeebe:taskHeaders>`;
    expect(await problemsOf(serviceTask(`${TASK_DEFINITION}${headers}`))).toEqual([
      "task: header key 'io.camunda.zeebe:assignee' is reserved: keys starting with 'io.camunda.zeebe:' are for the engine",
      "task: has more than one header with key 'a'",
    ]);
  });
});

describe('compileBpmn rejects invalid input and output mappings', () => {
  const mapping = (entries: string) =>
    serviceTask(`${TASK_DEFINITION}<zeebe:ioMapping>${entries}</zeebe:ioMapping>`);

  it('given a static output source, requires an expression as Zeebe does', async () => {
    expect(await problemsOf(mapping('<zeebe:output source="assignee" target="assignedTo" />'))).toEqual([
      "task: output mapping source (to 'assignedTo') 'assignee' must be a FEEL expression starting with '=' (e.g. '=assignee')",
    ]);
  });

  it('given a missing source or target, or a target that is no path, names it', async () => {
    expect(
      await problemsOf(
        mapping(`<zeebe:input target="a" /><zeebe:input source="=x" /><zeebe:output source="=x" target="a-b" />
          <zeebe:output source="=x" target="a..b" /><zeebe:input source="=x" target="null" /><zeebe:input source="=x" target="1a" />`),
      ),
    ).toEqual([
      "task: the input mapping to 'a' needs a source",
      'task: an input mapping needs a target',
      "task: input mapping target 'null' is a reserved word",
      "task: input mapping target '1a' is not a variable name or dotted path (letters, digits and _, not starting with a digit)",
      "task: output mapping target 'a-b' is not a variable name or dotted path (letters, digits and _, not starting with a digit)",
      "task: output mapping target 'a..b' is not a variable name or dotted path (letters, digits and _, not starting with a digit)",
    ]);
  });
});
