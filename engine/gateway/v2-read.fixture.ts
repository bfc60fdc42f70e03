import { expect } from 'vitest';
import { bpmn, oneTask } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';

// The data both /v2 read API suites search: three review instances (completed, with an
// incident, active) and one of another process, at pinned times.

/** start "Case opened" → service task "Check case" → end, in a process named "Case review". */
export const review = (type: string) =>
  bpmn(
    'review',
    `<bpmn:startEvent id="start" name="Case opened"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
     <bpmn:serviceTask id="task" name="Check case">
       <bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements>
       <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
     </bpmn:serviceTask>
     <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
     <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
     <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" />`,
  ).replace('<bpmn:process id="review"', '<bpmn:process id="review" name="Case review"');

export const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);
export const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
export const LONG = 'x'.repeat(9000);

export interface Page<T = Record<string, unknown>> {
  items: T[];
  page: { totalItems: number; startCursor?: string; endCursor?: string; hasMoreTotalItems: boolean };
}

export interface ReadApiData {
  p: TestPlatform;
  definitionKey: string;
  /** Review instances: [0] completed, [1] with an incident, [2] active. */
  i: string[];
  other: string;
  failedJob: string;
  xml: string;
}

export async function setUpReadApi(): Promise<ReadApiData> {
  const i: string[] = [];
  const p = await createPlatform();
  p.clock.pin(T0);
  const xml = review('v2.review');
  const deployed = await p.zeebe.deployResource({ name: 'review.bpmn', process: Buffer.from(xml) });
  const definitionKey = deployed.deployments[0]?.process?.processDefinitionKey as string;
  await p.zeebe.deployResource({ name: 'other.bpmn', process: Buffer.from(oneTask('other', 'v2.other')) });
  for (const [n, caseId] of ['C-1', 'C-2', 'C-3'].entries()) {
    p.clock.pin(T0 + n * 60_000);
    const created = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'review',
      variables: { caseId, amount: 10 * (n + 1) },
    });
    i.push(created.processInstanceKey);
  }
  p.clock.pin(T0 + 3 * 60_000);
  const other = (await p.zeebe.createProcessInstance({ bpmnProcessId: 'other', variables: { note: LONG } }))
    .processInstanceKey;
  const jobs = await p.zeebe.activateJobs({
    type: 'v2.review',
    worker: 'v2-test',
    maxJobsToActivate: 10,
    timeout: 60_000,
    requestTimeout: -1,
  } as never);
  const job = (instance: string) => jobs.find((j) => j.processInstanceKey === instance)?.key as string;
  p.clock.pin(T0 + 10 * 60_000);
  await p.zeebe.completeJob({ jobKey: job(i[0] as string), variables: { approved: true } });
  p.clock.pin(T0 + 11 * 60_000);
  const failedJob = job(i[1] as string);
  await p.zeebe.failJob({
    jobKey: failedJob,
    retries: 0,
    errorMessage: 'core banking down',
    retryBackOff: 0,
  });
  return { p, definitionKey, i, other, failedJob, xml };
}

/** POST /v2/<path>/search, expecting 200. */
export function searcher(platform: () => TestPlatform) {
  return async <T = Record<string, unknown>>(path: string, body: unknown = {}) => {
    // Compliance sees variables in clear and may sort and filter them by value (v2-masking.ts).
    const response = await platform().as('compliance1').post<Page<T>>(`/v2/${path}/search`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
}

export const keysOf = (page: Page) => page.items.map((item) => item.processInstanceKey);
