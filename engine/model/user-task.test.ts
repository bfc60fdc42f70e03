import { describe, expect, it } from 'vitest';
import { compileBpmn } from './compile.ts';
import { fakeChecker, serviceTask, startingWith, userTask } from './fixtures/build.ts';

async function compile(xml: string, check = fakeChecker().check) {
  const result = await compileBpmn('test.bpmn', xml, check);
  return {
    element: result.processes[0]?.elements.review,
    problems: result.problems.map(({ elementId, message }) => `${elementId}: ${message}`),
  };
}

describe('compileBpmn, given a user task', () => {
  it('given <zeebe:userTask/>, rejects it and says how to make it job-based', async () => {
    const { problems } = await compile(userTask('<zeebe:userTask />'));
    expect(problems).toEqual([
      'review: is a Camunda user task (<zeebe:userTask/>), which this platform does not run: its user tasks are ' +
        'job-based (DESIGN seam 2). Remove <zeebe:userTask/> from the extension elements to make it a job-based ' +
        "user task (job type io.camunda.zeebe:userTask); in Desktop Modeler, set the task's Implementation to 'Job worker'",
    ]);
  });

  it('runs as a job of type io.camunda.zeebe:userTask with 1 retry, whatever a task definition says', async () => {
    const xml = userTask(
      '<zeebe:taskDefinition type="other" retries="7" /><zeebe:assignmentDefinition assignee="  " />',
    );
    const { element, problems } = await compile(xml);
    expect(problems).toEqual([]);
    expect(element?.job).toEqual({
      type: { kind: 'static', value: 'io.camunda.zeebe:userTask' },
      retries: { kind: 'static', value: '1' },
      headers: {},
    });
    // A blank assignee is no assignee, as in Zeebe's UserTaskTransformer.
    expect(element?.userTask).toEqual({});
  });

  it('keeps a static formKey and a valid static due date', async () => {
    const xml = userTask(
      '<zeebe:formDefinition formKey="camunda-forms:bpmn:userTaskForm_1" /><zeebe:taskSchedule dueDate="2025-07-01T09:00Z" />',
    );
    const { element, problems } = await compile(xml);
    expect(problems).toEqual([]);
    expect(element?.userTask).toEqual({
      formKey: 'camunda-forms:bpmn:userTaskForm_1',
      dueDate: { kind: 'static', value: '2025-07-01T09:00Z' },
    });
  });

  it.each([
    [
      'candidateGroups="a,,b"',
      "<zeebe:assignmentDefinition candidateGroups> 'a,,b' must be a list of comma-separated values, e.g. 'a,b,c'",
    ],
    [
      'candidateUsers="a,"',
      "<zeebe:assignmentDefinition candidateUsers> 'a,' must be a list of comma-separated values, e.g. 'a,b,c'",
    ],
  ])('given static %s, rejects it as Zeebe does', async (attribute, message) => {
    const { problems } = await compile(userTask(`<zeebe:assignmentDefinition ${attribute} />`));
    expect(problems).toEqual([`review: ${message}`]);
  });

  it.each(['tomorrow', '2025-07-01T09:00', '2025-13-01T09:00Z'])(
    'given the static due date %s, rejects it',
    async (date) => {
      const { problems } = await compile(userTask(`<zeebe:taskSchedule dueDate="${date}" />`));
      expect(problems).toEqual([
        `review: <zeebe:taskSchedule dueDate> '${date}' must be a date-time with a zone offset, e.g. '2023-03-02T15:35+02:00'`,
      ]);
    },
  );

  it.each([
    ['formId="a" formKey="b"', '<zeebe:formDefinition> needs exactly one of formId and formKey'],
    ['formId=" "', '<zeebe:formDefinition> needs exactly one of formId and formKey'],
    [
      'formKey="b" bindingType="latest"',
      '<zeebe:formDefinition formKey> cannot be combined with bindingType',
    ],
    [
      'formId="a" bindingType="deployment"',
      '<zeebe:formDefinition bindingType="deployment"> is not supported yet (only "latest")',
    ],
    [
      'formId="=formName"',
      "a FEEL expression as <zeebe:formDefinition formId> ('=formName') is not supported yet",
    ],
  ])('given a form definition with %s, rejects it', async (attributes, message) => {
    const { problems } = await compile(userTask(`<zeebe:formDefinition ${attributes} />`));
    expect(problems).toEqual([`review: ${message}`]);
  });

  it('validates a priority definition as Zeebe does, though job-based tasks do not use it', async () => {
    expect((await compile(userTask('<zeebe:priorityDefinition priority="50" />'))).problems).toEqual([]);
    expect((await compile(userTask('<zeebe:priorityDefinition priority="150" />'))).problems).toEqual([
      "review: <zeebe:priorityDefinition priority> '150' must be a number between 0 and 100",
    ]);
  });
});

describe('compileBpmn checks every FEEL expression', () => {
  const condition = (expression: string) =>
    startingWith(
      'review',
      `<bpmn:exclusiveGateway id="review" /><bpmn:manualTask id="x" />
       <bpmn:sequenceFlow id="f" sourceRef="review" targetRef="x"><bpmn:conditionExpression>${expression}</bpmn:conditionExpression></bpmn:sequenceFlow>`,
    );
  const io = (entry: string) => userTask(`<zeebe:ioMapping>${entry}</zeebe:ioMapping>`);

  it.each([
    ['a condition', condition('=a &gt;'), 'f', "the condition '=a >'"],
    [
      'an input source',
      io('<zeebe:input source="=a +" target="b" />'),
      'review',
      "input mapping source (to 'b') '=a +'",
    ],
    [
      'an output source',
      io('<zeebe:output source="=a +" target="b" />'),
      'review',
      "output mapping source (to 'b') '=a +'",
    ],
    [
      'a job type',
      serviceTask('<zeebe:taskDefinition type="=a +" />', 'review'),
      'review',
      "<zeebe:taskDefinition type> '=a +'",
    ],
    [
      'job retries',
      serviceTask('<zeebe:taskDefinition type="t" retries="=a *" />', 'review'),
      'review',
      "<zeebe:taskDefinition retries> '=a *'",
    ],
    [
      'an assignee',
      userTask('<zeebe:assignmentDefinition assignee="=a +" />'),
      'review',
      "<zeebe:assignmentDefinition assignee> '=a +'",
    ],
    [
      'candidate groups',
      userTask('<zeebe:assignmentDefinition candidateGroups="=[a," />'),
      'review',
      "<zeebe:assignmentDefinition candidateGroups> '=[a,'",
    ],
    [
      'candidate users',
      userTask('<zeebe:assignmentDefinition candidateUsers="=[a," />'),
      'review',
      "<zeebe:assignmentDefinition candidateUsers> '=[a,'",
    ],
    [
      'a due date',
      userTask('<zeebe:taskSchedule dueDate="=now() +" />'),
      'review',
      "<zeebe:taskSchedule dueDate> '=now() +'",
    ],
    [
      'a follow-up date',
      userTask('<zeebe:taskSchedule followUpDate="=now() -" />'),
      'review',
      "<zeebe:taskSchedule followUpDate> '=now() -'",
    ],
    [
      'a priority',
      userTask('<zeebe:priorityDefinition priority="=p +" />'),
      'review',
      "<zeebe:priorityDefinition priority> '=p +'",
    ],
  ])('given a syntax error in %s, names the element and the expression', async (_, xml, elementId, what) => {
    const { problems } = await compile(xml);
    expect(problems).toEqual([
      `${elementId}: ${what} is not a valid FEEL expression: unexpected end of expression`,
    ]);
  });

  it('given = with only blanks after it, reports an empty expression without asking the checker', async () => {
    const { check, checked } = fakeChecker();
    const { problems } = await compile(io('<zeebe:input source="=  " target="b" />'), check);
    expect(problems).toEqual([
      "review: input mapping source (to 'b') '=  ' is not a valid FEEL expression: the expression is empty",
    ]);
    expect(checked).toEqual([]);
  });

  it('given a checker that throws, reports its message as the problem of that expression', async () => {
    const { problems } = await compile(io('<zeebe:input source="=a" target="b" />'), () => {
      throw new Error('parser crashed');
    });
    expect(problems).toEqual([
      "review: input mapping source (to 'b') '=a' is not a valid FEEL expression: parser crashed",
    ]);
  });
});
