import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn } from '../fixtures/bpmn/build.ts';
import { type Catalogue, readCatalogue } from './catalogue.ts';
import { missingDiagram, missingPlatformVersion } from './diagram.ts';
import {
  duplicateIds,
  formProblems,
  jobsWithoutWorker,
  misnamedModels,
  unresolvedCalledProcesses,
  unresolvedDecisions,
  unresolvedForms,
} from './model-checks.ts';
import { TEMPLATE_SCHEMA_URL, templateProblems, workersWithoutTemplate } from './template-checks.ts';
import type { RegisteredWorker } from './worker-types.ts';

// The shipped suite passes on a good folder; these show each check names the file and element
// when a folder is bad.

const WORKERS: RegisteredWorker[] = [
  {
    type: 'crm.notifications.send',
    module: 'notifications',
    variables: [
      { name: 'customerId', required: true },
      { name: 'ref', required: false },
    ],
  },
  { type: 'crm.cases.assign', module: 'cases' },
];

const BAD_MODEL = bpmn(
  'cases-other-name',
  `<bpmn:startEvent id="start" name="Mulai" />
    <bpmn:serviceTask id="notify"><bpmn:extensionElements><zeebe:taskDefinition type="crm.nowhere.do" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:serviceTask id="dynamic"><bpmn:extensionElements><zeebe:taskDefinition type="=kind" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:userTask id="review"><bpmn:extensionElements><zeebe:formDefinition formId="no-such-form" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:businessRuleTask id="route"><bpmn:extensionElements><zeebe:calledDecision decisionId="no-such-decision" resultVariable="r" /></bpmn:extensionElements></bpmn:businessRuleTask>
    <bpmn:callActivity id="child"><bpmn:extensionElements><zeebe:calledElement processId="no-such-process" /></bpmn:extensionElements></bpmn:callActivity>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="notify" />`,
).replace(' modeler:executionPlatformVersion="8.8.0"', '');

const BAD_FORM = {
  id: 'cases-review',
  type: 'default',
  executionPlatform: 'Camunda Cloud',
  executionPlatformVersion: '8.7.0',
  components: [
    { id: 'Field_a', key: 'a', type: 'textfield', label: 'Alasan', properties: { label_en: 'Reason' } },
    {
      id: 'Group_1',
      type: 'group',
      label: 'Rincian',
      properties: { label_en: 'Details' },
      components: [
        { id: 'Field_b', key: 'b', type: 'textfield', label: 'Catatan' },
        { id: 'Text_1', type: 'text', text: 'Periksa dulu' },
      ],
    },
  ],
};

const BAD_TEMPLATE = {
  $schema: TEMPLATE_SCHEMA_URL,
  name: 'Kirim',
  id: 'crm.notifications.send',
  appliesTo: ['bpmn:Task'],
  elementType: { value: 'bpmn:ServiceTask' },
  properties: [
    {
      type: 'String',
      value: 'crm.notifications.send',
      binding: { type: 'zeebe:taskDefinition', property: 'type' },
    },
    { id: 'who', label: 'Siapa', type: 'String', binding: { type: 'zeebe:input', name: 'recipient' } },
    { id: 'bad', label: 'Rusak', type: 'Nonsense', binding: { type: 'zeebe:input', name: 'ref' } },
  ],
};

let dir: string;
let catalogue: Catalogue;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipped-checks-'));
  await mkdir(join(dir, 'element-templates'));
  await writeFile(join(dir, 'cases-bad.bpmn'), BAD_MODEL);
  await writeFile(join(dir, 'cases-copy.bpmn'), BAD_MODEL);
  await writeFile(join(dir, 'cases-broken.dmn'), '<definitions');
  await writeFile(join(dir, 'cases-review.form'), JSON.stringify(BAD_FORM));
  await writeFile(join(dir, 'element-templates', 'notifications.json'), JSON.stringify(BAD_TEMPLATE));
  catalogue = await readCatalogue(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the shipped-process checks, given a bad folder', () => {
  it('names the unreadable decision table', () => {
    expect(catalogue.problems).toEqual([expect.stringMatching(/^cases-broken\.dmn: unparsable DMN/)]);
  });

  it('names each job type without a worker, and a job type it cannot resolve', () => {
    expect(jobsWithoutWorker(catalogue, WORKERS).slice(0, 2)).toEqual([
      "cases-bad.bpmn: Element 'notify': job type 'crm.nowhere.do' has no worker: no module's workers(context) in MODULES registers it",
      "cases-bad.bpmn: Element 'dynamic': the job type is the expression '=kind'; shipped models name it statically",
    ]);
  });

  it('names the unresolved form, decision and called process with their elements', () => {
    expect(unresolvedForms(catalogue)[0]).toBe(
      `cases-bad.bpmn: Element 'review': links the form 'no-such-form', but no .form in ${dir} has that id`,
    );
    expect(unresolvedDecisions(catalogue)[0]).toBe(
      `cases-bad.bpmn: Element 'route': calls the decision 'no-such-decision', but no .dmn in ${dir} defines it`,
    );
    expect(unresolvedCalledProcesses(catalogue)[0]).toBe(
      `cases-bad.bpmn: Element 'child': calls the process 'no-such-process', but no .bpmn in ${dir} defines it`,
    );
  });

  it('names a model whose process id is not its file name, and a process id used twice', () => {
    expect(misnamedModels(catalogue)).toContain(
      "cases-bad.bpmn: the process id must equal the file name 'cases-bad', but the file defines 'cases-other-name'",
    );
    expect(duplicateIds(catalogue)).toEqual([
      "cases-copy.bpmn: the process id 'cases-other-name' is defined in cases-bad.bpmn too",
    ]);
  });

  it('names every element without a shape and every flow without an edge, and the missing 8.8 declaration', async () => {
    const missing = await missingDiagram('cases-bad.bpmn', BAD_MODEL);
    expect(missing).toContain(
      "cases-bad.bpmn: Element 'notify': the ServiceTask has no shape in the diagram",
    );
    expect(missing).toContain("cases-bad.bpmn: Element 'f1': the sequence flow has no edge in the diagram");
    expect(missing).toHaveLength(7);
    expect(missingPlatformVersion('cases-bad.bpmn', BAD_MODEL)).toEqual([
      'cases-bad.bpmn: the definitions must declare modeler:executionPlatformVersion="8.8.0"',
    ]);
  });

  it('names form components without their English label or text, nested ones too, and the wrong version', () => {
    expect(formProblems(catalogue)).toEqual([
      'cases-review.form: the form must declare executionPlatform "Camunda Cloud" and executionPlatformVersion "8.8.0"',
      "cases-review.form: component 'Field_b' has the label 'Catatan' but no properties.label_en",
      "cases-review.form: text component 'Text_1' has no properties.text_en",
    ]);
  });

  it('names the template that breaks the schema, shows its job type, and mismatches its worker', () => {
    const problems = templateProblems(catalogue, WORKERS);
    const prefix = "element-templates/notifications.json: template 'crm.notifications.send': ";
    expect(problems.every((p) => p.startsWith(prefix))).toBe(true);
    expect(
      problems.some((p) =>
        /does not fit the element template schema: \/properties\/2\/type \(property 'bad'\) must be equal to one of the allowed values: String, /.test(
          p,
        ),
      ),
    ).toBe(true);
    expect(problems).toContain(
      `${prefix}the job type property must be Hidden, so a modeller cannot change 'crm.notifications.send'`,
    );
    expect(problems).toContain(
      `${prefix}input 'recipient' is not a variable the worker 'crm.notifications.send' reads`,
    );
    expect(problems).toContain(
      `${prefix}the worker 'crm.notifications.send' requires the variable 'customerId', but the template has no input for it`,
    );
  });

  it('names each CRM worker without a template', () => {
    expect(workersWithoutTemplate(catalogue, WORKERS)).toEqual([
      `${dir}: the worker 'crm.cases.assign' of module 'cases' has no element template in element-templates/cases.json`,
    ]);
  });
});
