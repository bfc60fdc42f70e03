import { describe, expect, it } from 'vitest';
import { bpmn, fixture } from './fixtures/build.ts';
import { formatLintProblem, type LintProblem, lintBpmn, PARSE_RULE } from './lint.ts';

/** Problems as `<category> <rule> <element>`: what a rule found and where, without its wording. */
function found(problems: LintProblem[]): string[] {
  return problems.map(({ category, rule, id }) => `${category} ${rule} ${id ?? '-'}`);
}

/** The fixtures below have no diagram; their subject is another rule. */
const NO_DIAGRAM = { rules: { 'no-bpmndi': 'off' } } as const;

const linear = (task: string) =>
  bpmn(`    <bpmn:startEvent id="start" name="Mulai"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    ${task}
    <bpmn:endEvent id="end" name="Selesai"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
    <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" />`);

describe('lintBpmn', () => {
  it('given a model as Desktop Modeler saves it for Camunda 8.8, finds nothing', async () => {
    expect(await lintBpmn(fixture('case-review.bpmn'))).toEqual([]);
  });

  it('given a job-based user task, does not advise converting it (DESIGN seam 2), unless the rule is turned on', async () => {
    const xml = fixture('case-review.bpmn');
    const advice = 'camunda-compat/zeebe-user-task';
    expect(found(await lintBpmn(xml)).filter((p) => p.includes(advice))).toEqual([]);
    const withAdvice = await lintBpmn(xml, { rules: { [advice]: 'warn' } });
    expect(found(withAdvice)).toEqual([`warn ${advice} Activity_review`]);
  });

  it('given a service task without a job type, names the task under the camunda-compat rule', async () => {
    const problems = await lintBpmn(
      linear(
        '<bpmn:serviceTask id="task" name="Tugas"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>',
      ),
      NO_DIAGRAM,
    );
    expect(found(problems)).toEqual(['error camunda-compat/implementation task']);
    expect(problems[0]?.message).toMatch(/zeebe:TaskDefinition/);
  });

  it('given an element Camunda 8.8 cannot run, reports it as an error', async () => {
    const problems = await lintBpmn(
      linear(
        '<bpmn:complexGateway id="task" name="Rumit"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:complexGateway>',
      ),
    );
    expect(found(problems)).toContain('error camunda-compat/element-type task');
    expect(found(problems)).toContain('error no-complex-gateway task');
  });

  it("given bpmnlint's recommended rules broken, lists errors first, then warnings, each by rule and element", async () => {
    const problems = await lintBpmn(
      bpmn(`    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:exclusiveGateway id="gate" name="Lanjut?"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gate" />
    <bpmn:sequenceFlow id="f2" sourceRef="gate" targetRef="end" />`),
      NO_DIAGRAM,
    );
    expect(found(problems)).toEqual([
      'error label-required end',
      'error label-required start',
      'warn superfluous-gateway gate',
    ]);
  });

  it('given the same model twice, answers the same (bpmnlint rules keep state per linter)', async () => {
    const xml = fixture('case-review.bpmn');
    const first = await lintBpmn(xml, { rules: { 'camunda-compat/zeebe-user-task': 'warn' } });
    expect(await lintBpmn(xml, { rules: { 'camunda-compat/zeebe-user-task': 'warn' } })).toEqual(first);
    expect(found(first)).toEqual(['warn camunda-compat/zeebe-user-task Activity_review']);
  });

  it('given flow elements without a diagram, names each of them', async () => {
    const problems = await lintBpmn(
      linear(
        '<bpmn:serviceTask id="task" name="Tugas"><bpmn:extensionElements><zeebe:taskDefinition type="crm.x.y" /></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>',
      ),
    );
    expect(found(problems)).toEqual(
      ['start', 'task', 'end', 'f1', 'f2'].sort().map((id) => `error no-bpmndi ${id}`),
    );
  });

  it('given XML that cannot be read, answers a parse problem instead of throwing', async () => {
    const problems = await lintBpmn('<bpmn:definitions');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: PARSE_RULE, category: 'error' });
  });

  it('given a reference to an element that does not exist, names the referring element', async () => {
    const problems = await lintBpmn(
      bpmn(
        '<bpmn:startEvent id="start" name="Mulai" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="nowhere" />',
      ),
    );
    expect(found(problems)).toContain(`error ${PARSE_RULE} f1`);
  });
});

describe('formatLintProblem', () => {
  it('renders the category, the element, the message and the rule on one line', () => {
    expect(
      formatLintProblem({
        id: 'task',
        rule: 'label-required',
        message: 'Element is missing label/name',
        category: 'error',
      }),
    ).toBe("error Element 'task': Element is missing label/name (label-required)");
    expect(formatLintProblem({ rule: PARSE_RULE, message: 'unreadable', category: 'error' })).toBe(
      'error unreadable (bpmn-parse)',
    );
  });
});
