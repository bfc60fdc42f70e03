import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { readForm } from './store/forms.ts';
import type { EngineStore } from './store/store.ts';

const INVALID_ARGUMENT = 3;
const KEY = /^\d{16}$/;
const FORM_KEY_HEADER = 'io.camunda.zeebe:formKey';

const reviewForm = readFileSync(
  new URL('../../tests/fixtures/forms/complaint-review.form', import.meta.url),
  'utf8',
);
/** The same form with one more field: a new version. */
const reviewFormV2 = reviewForm.replace(
  '{ "type": "textarea"',
  '{ "type": "checkbox", "id": "Field_callback", "key": "callback", "label": "Hubungi nasabah" },\n    { "type": "textarea"',
);

/** An agent reviews the complaint in a job-based user task linked to the form `formId`. */
const review = (processId: string, formId: string) =>
  bpmn(
    processId,
    `<bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
     <bpmn:userTask id="review" name="Review complaint">
       <bpmn:extensionElements>
         <zeebe:formDefinition formId="${formId}" />
         <zeebe:assignmentDefinition candidateGroups="agents-medan" />
       </bpmn:extensionElements>
       <bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>f1</bpmn:outgoing></bpmn:userTask>
     <bpmn:endEvent id="end"><bpmn:incoming>f1</bpmn:incoming></bpmn:endEvent>
     <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="review" />
     <bpmn:sequenceFlow id="f1" sourceRef="review" targetRef="end" />`,
  );

describe(`forms and linked user tasks (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let store: EngineStore;
  beforeAll(async () => {
    // This suite activates user-task jobs itself, as a Zeebe client would.
    p = await createPlatform({ without: ['tasks'] });
    store = p.platform.engineStore as EngineStore;
  });
  afterAll(() => p.close());

  const deployForm = (name: string, json: string) =>
    p.zeebe.deployResource({ name, form: Buffer.from(json) });
  const userTaskJobs = async (processInstanceKey: string) =>
    (
      await p.zeebe.activateJobs({
        type: 'io.camunda.zeebe:userTask',
        worker: 'tasklist',
        maxJobsToActivate: 10,
        timeout: 60_000,
        requestTimeout: -1,
      } as never)
    ).filter((job) => job.processInstanceKey === processInstanceKey);
  const incidents = async (processInstanceKey: string) =>
    (
      await p.http.post<{ items: Record<string, string>[] }>('/v2/incidents/search', {
        filter: { processInstanceKey, state: 'ACTIVE' },
      })
    ).body.items;

  describe('DeployResource with forms', () => {
    it('given a form, deploys version 1 and can read it back by key and by id', async () => {
      const result = await deployForm('complaint-review.form', reviewForm);
      expect(result.deployments).toEqual([
        {
          Metadata: 'form',
          form: {
            formId: 'complaint-review',
            version: 1,
            formKey: expect.stringMatching(KEY),
            resourceName: 'complaint-review.form',
            tenantId: '<default>',
          },
        },
      ]);
      const formKey = result.deployments[0]?.form?.formKey as string;
      const byKey = await readForm(store, { formKey });
      expect(byKey).toMatchObject({ key: formKey, formId: 'complaint-review', version: 1 });
      expect(JSON.parse(byKey?.resource ?? '{}').components[2].key).toBe('resolution');
      expect(await readForm(store, { formId: 'complaint-review' })).toEqual(byKey);
      expect(await readForm(store, { formId: 'unknown-form' })).toBeUndefined();
      expect(await readForm(store, { formKey: '2251799813685249999' })).toBeUndefined();
    });

    it('given the same form again, keeps version and key; changed content or another name makes a new one', async () => {
      const same = await deployForm('complaint-review.form', reviewForm);
      expect(same.deployments[0]?.form?.version).toBe(1);
      const changed = await deployForm('complaint-review.form', reviewFormV2);
      const renamed = await deployForm('review.form', reviewFormV2);
      expect([changed, renamed].map((d) => d.deployments[0]?.form?.version)).toEqual([2, 3]);
      const keys = new Set([same, changed, renamed].map((d) => d.deployments[0]?.form?.formKey));
      expect(keys.size).toBe(3);
      expect((await readForm(store, { formId: 'complaint-review' }))?.version).toBe(3);
    });

    it.each([
      ['not JSON', '{"id": "broken"', "'broken.form': Failed to parse form JSON"],
      [
        'a form without an id',
        '{"components": []}',
        "'broken.form': Expected the form id to be present, but none given",
      ],
      ['a blank id', '{"id": "  "}', "'broken.form': Expected the form id to be filled, but it is blank"],
    ])('given %s, rejects naming the resource', async (_, json, message) => {
      await expect(deployForm('broken.form', json)).rejects.toMatchObject({
        code: INVALID_ARGUMENT,
        details: expect.stringContaining(message),
      });
    });

    it('given one form id twice in a deployment, rejects it', async () => {
      await expect(
        p.zeebe.deployResources([
          { name: 'a.form', form: Buffer.from('{"id": "kyc-upload"}') },
          { name: 'b.form', form: Buffer.from('{"id": "kyc-upload", "components": []}') },
        ]),
      ).rejects.toMatchObject({
        code: INVALID_ARGUMENT,
        details: expect.stringContaining(
          "Expected the form ids to be unique within a deployment but found a duplicated id 'kyc-upload' in the resources 'a.form' and 'b.form'.",
        ),
      });
    });
  });

  describe('a user task linked to a form', () => {
    it("carries the latest form's key in the io.camunda.zeebe:formKey header", async () => {
      const deployed = await p.zeebe.deployResources([
        {
          name: 'complaint-review.bpmn',
          process: Buffer.from(review('complaint-review', 'complaint-review')),
        },
      ]);
      expect(deployed.deployments[0]).toMatchObject({ process: { version: 1 } });
      const latest = await readForm(store, { formId: 'complaint-review' });
      const { processInstanceKey } = await p.zeebe.createProcessInstance({
        bpmnProcessId: 'complaint-review',
        variables: { caseNumber: 'CMP-2027-000123' },
      });
      const [job] = await userTaskJobs(processInstanceKey);
      expect(job?.customHeaders).toEqual({
        [FORM_KEY_HEADER]: latest?.key,
        'io.camunda.zeebe:candidateGroups': '["agents-medan"]',
      });
      expect(job?.retries).toBe(1);
    });

    it('given no such form, raises FORM_NOT_FOUND; once the form is deployed, resolving creates the job', async () => {
      await p.zeebe.deployResource({
        name: 'callback.bpmn',
        process: Buffer.from(review('callback', 'customer-callback')),
      });
      const { processInstanceKey } = await p.zeebe.createProcessInstance({
        bpmnProcessId: 'callback',
        variables: {},
      });
      const [incident] = await incidents(processInstanceKey);
      expect(incident).toMatchObject({
        errorType: 'FORM_NOT_FOUND',
        elementId: 'review',
        errorMessage:
          "Expected to find a form with id 'customer-callback', but no form with this id is found, at least a form with this id should be available. To resolve the Incident please deploy a form with the same id",
      });
      expect(await userTaskJobs(processInstanceKey)).toEqual([]);

      const form = await deployForm(
        'customer-callback.form',
        '{"id": "customer-callback", "components": []}',
      );
      await p.zeebe.resolveIncident({ incidentKey: incident?.incidentKey as string });
      expect(await incidents(processInstanceKey)).toEqual([]);
      const [job] = await userTaskJobs(processInstanceKey);
      expect(job?.customHeaders[FORM_KEY_HEADER]).toBe(form.deployments[0]?.form?.formKey);
      await p.zeebe.completeJob({ jobKey: job?.key as string, variables: { called: true } });
    });
  });
});
