import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';

const MODEL = new URL('../../tests/fixtures/bpmn/complaint-intake.bpmn', import.meta.url);

describe(`a model as Camunda Desktop Modeler writes it, run by SDK workers (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    // This suite activates user-task jobs itself, as a Zeebe client would.
    p = await createPlatform({ without: ['tasks'] });
  });
  afterAll(() => p.close());

  it('runs a service task and a job-based user task to completion with SDK job workers', async () => {
    await p.zeebe.deployResource({ name: 'complaint-intake.bpmn', process: readFileSync(MODEL) });
    const seen: { type: string; headers: Record<string, unknown> }[] = [];
    const classify = p.zeebe.createWorker({
      taskType: 'crm.cases.classify',
      pollInterval: 50,
      taskHandler: (job) => {
        seen.push({ type: job.type, headers: { ...job.customHeaders } });
        return job.complete({ queue: 'back-office-payments', slaDueAt: '2027-01-05T17:00:00+07:00' });
      },
    });
    // The tasks module's worker: job-based user tasks arrive as jobs of this type (DESIGN seam 2).
    const userTasks = p.zeebe.createWorker({
      taskType: 'io.camunda.zeebe:userTask',
      pollInterval: 50,
      taskHandler: (job) => {
        seen.push({ type: job.type, headers: { ...job.customHeaders } });
        return job.complete({ resolution: 'refunded' });
      },
    });
    try {
      const result = await p.zeebe.createProcessInstanceWithResult({
        bpmnProcessId: 'complaint-intake',
        variables: { caseId: 'CASE-2027-0001', assignee: 'backoffice1' },
        requestTimeout: 30_000,
      });
      expect(result.variables).toEqual({
        caseId: 'CASE-2027-0001',
        assignee: 'backoffice1',
        queue: 'back-office-payments',
        slaDueAt: '2027-01-05T17:00:00+07:00',
        resolution: 'refunded',
      });
      expect(seen).toEqual([
        { type: 'crm.cases.classify', headers: {} },
        {
          type: 'io.camunda.zeebe:userTask',
          headers: {
            'io.camunda.zeebe:assignee': 'backoffice1',
            'io.camunda.zeebe:candidateGroups': '["back-office-payments","supervisors"]',
            'io.camunda.zeebe:dueDate': '2027-01-05T17:00+07:00',
          },
        },
      ]);
      const user = await p.http.post<{ items: { retries?: number }[] }>('/v2/element-instances/search', {
        filter: { processInstanceKey: result.processInstanceKey, elementId: 'Activity_1handle' },
      });
      expect(user.body.items).toHaveLength(1);
    } finally {
      await classify.close();
      await userTasks.close();
    }
  });
});
