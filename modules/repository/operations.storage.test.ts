import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { cleanProcess } from './test-kit.ts';

interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}
interface Incident {
  incidentKey: string;
  state: string;
  jobKey?: string;
  errorType: string;
}
interface Statistics {
  items: {
    elementId: string;
    active: number;
    completed: number;
    terminated: number;
    incidents: number;
    averageDurationMs: number | null;
  }[];
}

const JOB = 'test.repository.operations';

/** start → exclusive gateway (x > 1 → end, no default) — a condition incident when x is missing. */
const gatewayProcess = bpmn(
  'uji-gerbang',
  `<bpmn:startEvent id="start" />
   <bpmn:exclusiveGateway id="check" />
   <bpmn:endEvent id="end" />
   <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
   <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end">
     <bpmn:conditionExpression>=x &gt; 1</bpmn:conditionExpression>
   </bpmn:sequenceFlow>`,
);

/** Operations over gRPC, what they need read through /v2: start, retry, cancel, the heatmap. */
describe(`operations: start, retry, cancel, statistics (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let definitionKey: string;
  beforeAll(async () => {
    p = await createPlatform();
    const deployed = await p.zeebe.deployResources([
      { name: 'uji-operasi.bpmn', process: Buffer.from(cleanProcess('uji-operasi', { jobType: JOB })) },
      { name: 'uji-gerbang.bpmn', process: Buffer.from(gatewayProcess) },
    ] as never);
    const first = deployed.deployments[0] as { process: { processDefinitionKey: string } };
    definitionKey = String(first.process.processDefinitionKey);
  });
  afterAll(async () => {
    await p?.close();
  });

  const start = (variables: unknown, id = 'uji-operasi', user = 'supervisor1') =>
    p.as(user).post<{ processInstanceKey: string } & Problem>(`/api/operations/processes/${id}/instances`, {
      variables,
    });
  const activate = async () =>
    p.zeebe.activateJobs({
      type: JOB,
      worker: 'test',
      maxJobsToActivate: 10,
      timeout: 30_000,
      requestTimeout: 2_000,
    } as never);
  const incidentsOf = async (processInstanceKey: string) =>
    (
      await p.as('owner').post<{ items: Incident[] }>('/v2/incidents/search', {
        filter: { processInstanceKey },
      })
    ).body.items;
  const stateOf = async (key: string) =>
    (await p.as('owner').get<{ state: string }>(`/v2/process-instances/${key}`)).body.state;

  it('starting a process that is not deployed is 404; variables that are not an object are 400 naming them', async () => {
    const missing = await start({}, 'tidak-ada');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('PROCESS_NOT_FOUND');
    for (const bad of [[1, 2], 'teks', 5]) {
      const answer = await start(bad);
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.field).toBe('body.variables');
    }
    expect((await start({ a: 1 }, 'uji-operasi', 'agent1')).status).toBe(403);
  });

  it('given a job failed to 0 retries, retry gives it retries and resolves the incident: the job works again', async () => {
    const { body } = await start({ nasabah: 'B' });
    const [job] = (await activate()).filter((j) => String(j.processInstanceKey) === body.processInstanceKey);
    expect(job).toBeDefined();
    await p.zeebe.failJob({
      jobKey: job?.key as string,
      retries: 0,
      errorMessage: 'layanan mati',
      retryBackOff: 0,
    });
    const [incident] = await incidentsOf(body.processInstanceKey);
    expect(incident).toMatchObject({ state: 'ACTIVE', errorType: 'JOB_NO_RETRIES', jobKey: job?.key });

    const retried = await p.as('owner').post(`/api/operations/incidents/${incident?.incidentKey}/retry`);
    expect(retried.status, JSON.stringify(retried.body)).toBe(204);
    expect((await incidentsOf(body.processInstanceKey))[0]?.state).toBe('RESOLVED');
    const [again] = (await activate()).filter(
      (j) => String(j.processInstanceKey) === body.processInstanceKey,
    );
    expect(again?.key).toBe(job?.key);
    expect(again?.retries).toBe(1);
    await p.zeebe.completeJob({ jobKey: again?.key as string, variables: {} });
    expect(await stateOf(body.processInstanceKey)).toBe('COMPLETED');

    const resolved = await p
      .as('owner')
      .post<Problem>(`/api/operations/incidents/${incident?.incidentKey}/retry`, {});
    expect(resolved.status).toBe(409);
    expect(resolved.body.code).toBe('INCIDENT_NOT_ACTIVE');
    expect(
      (await p.as('owner').post('/api/operations/incidents/2251799813999999/retry', { retries: 3 })).status,
    ).toBe(404);
  });

  it('an incident without a job (a condition) is only resolved: with the variable set, the instance goes on', async () => {
    const { body } = await start({}, 'uji-gerbang');
    const [incident] = await incidentsOf(body.processInstanceKey);
    // Zeebe's type for a condition that gives no boolean.
    expect(incident).toMatchObject({ state: 'ACTIVE', errorType: 'EXTRACT_VALUE_ERROR' });
    expect(incident?.jobKey).toBeUndefined();
    await p.zeebe.setVariables({
      elementInstanceKey: body.processInstanceKey,
      variables: { x: 5 },
      local: false,
    } as never);
    const retried = await p.as('admin').post(`/api/operations/incidents/${incident?.incidentKey}/retry`, {});
    expect(retried.status, JSON.stringify(retried.body)).toBe(204);
    expect(await stateOf(body.processInstanceKey)).toBe('COMPLETED');
  });

  it('cancel ends an active instance (204) and is 404 once it is not active; it is audited', async () => {
    const { body } = await start({});
    const cancelled = await p
      .as('supervisor1')
      .post(`/api/operations/process-instances/${body.processInstanceKey}/cancel`);
    expect(cancelled.status).toBe(204);
    expect(await stateOf(body.processInstanceKey)).toBe('TERMINATED');
    const again = await p
      .as('supervisor1')
      .post<Problem>(`/api/operations/process-instances/${body.processInstanceKey}/cancel`);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('INSTANCE_NOT_FOUND');
    const audit = await p
      .as('compliance1')
      .get<{ items: { action: string; actor: string; entityId: string }[] }>(
        '/api/audit/entries?entityType=process-instance&limit=100',
      );
    expect(audit.body.items.map((e) => `${e.action} ${e.actor} ${e.entityId}`)).toContain(
      `process-instance.cancel supervisor1 ${body.processInstanceKey}`,
    );
  });

  it('statistics count active, completed and terminated element instances, incidents, and average durations', async () => {
    const waiting = await start({});
    const failing = await start({});
    const jobs = (await activate()).filter(
      (j) => String(j.processInstanceKey) === failing.body.processInstanceKey,
    );
    await p.zeebe.failJob({
      jobKey: jobs[0]?.key as string,
      retries: 0,
      errorMessage: 'gagal',
      retryBackOff: 0,
    });
    expect(waiting.status).toBe(201);
    const stats = await p
      .as('compliance1')
      .get<Statistics>(`/api/operations/process-definitions/${definitionKey}/statistics`);
    expect(stats.status).toBe(200);
    const work = stats.body.items.find((i) => i.elementId === 'work');
    // So far: one completed (the retried one), one terminated (cancelled), two active, one of them failed.
    expect(work).toMatchObject({ active: 2, completed: 1, terminated: 1, incidents: 1 });
    expect(work?.averageDurationMs).toBeGreaterThanOrEqual(0);
    const startEvent = stats.body.items.find((i) => i.elementId === 'start');
    expect(startEvent).toMatchObject({ active: 0, completed: 4 });
    const end = stats.body.items.find((i) => i.elementId === 'end');
    expect(end).toMatchObject({ completed: 1, averageDurationMs: 0 });
    const unknown = await p
      .as('owner')
      .get<Problem>('/api/operations/process-definitions/2251799813999999/statistics');
    expect(unknown.status).toBe(404);
  });
});
