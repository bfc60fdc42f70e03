import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, oneTask } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { elementInstances } from './v2/element-instances.ts';
import { incidents } from './v2/incidents.ts';
import { processDefinitions } from './v2/process-definitions.ts';
import { processInstances } from './v2/process-instances.ts';
import type { ResourceSpec } from './v2/resource.ts';
import { variables } from './v2/variables.ts';

/** start "Case opened" → service task "Check case" → end, in a process named "Case review". */
const review = (type: string) =>
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

const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const LONG = 'x'.repeat(9000);

interface Page<T = Record<string, unknown>> {
  items: T[];
  page: { totalItems: number; startCursor?: string; endCursor?: string; hasMoreTotalItems: boolean };
}

describe(`the /v2 read API on the embedded engine (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let definitionKey: string;
  const i: string[] = []; // review instances: [0] completed, [1] incident, [2] active
  let other: string;
  let failedJob: string;
  let xml: string;

  const search = async <T = Record<string, unknown>>(path: string, body: unknown = {}) => {
    const response = await p.http.post<Page<T>>(`/v2/${path}/search`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const keysOf = (page: Page) => page.items.map((item) => item.processInstanceKey);

  beforeAll(async () => {
    p = await createPlatform();
    p.clock.pin(T0);
    xml = review('v2.review');
    const deployed = await p.zeebe.deployResource({ name: 'review.bpmn', process: Buffer.from(xml) });
    definitionKey = deployed.deployments[0]?.process?.processDefinitionKey as string;
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
    other = (await p.zeebe.createProcessInstance({ bpmnProcessId: 'other', variables: { note: LONG } }))
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
    failedJob = job(i[1] as string);
    await p.zeebe.failJob({
      jobKey: failedJob,
      retries: 0,
      errorMessage: 'core banking down',
      retryBackOff: 0,
    });
  });
  afterAll(() => p?.close());

  describe('process instances', () => {
    it('given instances of a process, answers them in Camunda 8.8 shapes, sorted as asked', async () => {
      const page = await search('process-instances', {
        filter: { processDefinitionId: 'review' },
        sort: [{ field: 'startDate', order: 'DESC' }],
      });
      expect(page.page.totalItems).toBe(3);
      expect(keysOf(page)).toEqual([i[2], i[1], i[0]]);
      expect(page.items[2]).toEqual({
        processInstanceKey: i[0],
        processDefinitionId: 'review',
        processDefinitionName: 'Case review',
        processDefinitionVersion: 1,
        processDefinitionKey: definitionKey,
        startDate: at(0),
        endDate: at(10),
        state: 'COMPLETED',
        hasIncident: false,
        tenantId: '<default>',
      });
      expect(page.items[1]).toMatchObject({ state: 'ACTIVE', hasIncident: true });
      expect(page.items[0]).not.toHaveProperty('endDate');
    });

    it('given a process without a name, falls back to its id for processDefinitionName', async () => {
      const page = await search('process-instances', { filter: { processInstanceKey: other } });
      expect(page.items).toEqual([expect.objectContaining({ processDefinitionName: 'other' })]);
    });

    it('filters on state, incidents, keys, versions, dates, tenant and variables', async () => {
      const keys = async (filter: object) =>
        keysOf(await search('process-instances', { filter: { processDefinitionId: 'review', ...filter } }));
      expect(await keys({ state: 'ACTIVE', hasIncident: true })).toEqual([i[1]]);
      expect(await keys({ hasIncident: false, state: { $neq: 'COMPLETED' } })).toEqual([i[2]]);
      expect(await keys({ processInstanceKey: { $in: [i[0], i[2]] } })).toEqual([i[0], i[2]]);
      expect(
        await keys({ processDefinitionKey: definitionKey, processDefinitionVersion: { $gte: 1 } }),
      ).toHaveLength(3);
      expect(await keys({ startDate: { $gt: at(0), $lte: at(2) } })).toEqual([i[1], i[2]]);
      expect(await keys({ endDate: { $exists: true } })).toEqual([i[0]]);
      expect(await keys({ tenantId: '<default>' })).toHaveLength(3);
      expect(await keys({ variables: [{ name: 'caseId', value: '"C-3"' }] })).toEqual([i[2]]);
      expect(await keys({ variables: [{ name: 'approved', value: 'true' }] })).toEqual([i[0]]);
    });

    it('matches $like patterns with * and ?, case-sensitively on both databases', async () => {
      const keys = async (pattern: string) =>
        keysOf(await search('process-instances', { filter: { processDefinitionId: { $like: pattern } } }));
      expect(await keys('rev*')).toHaveLength(3);
      expect(await keys('?ther')).toEqual([other]);
      expect(await keys('Rev*')).toEqual([]);
    });

    it('pages with from and limit, and with the cursors it returns', async () => {
      const all = await search('process-instances');
      expect(all.page.totalItems).toBe(4);
      expect(keysOf(all)).toEqual([...i, other]); // by key, ascending, by default
      const first = await search('process-instances', { page: { limit: 3 } });
      const second = await search('process-instances', { page: { from: 3, limit: 3 } });
      expect(keysOf(first)).toEqual(i);
      expect(keysOf(second)).toEqual([other]);
      expect(second.page.totalItems).toBe(4);
      const next = await search('process-instances', { page: { after: first.page.endCursor, limit: 3 } });
      expect(keysOf(next)).toEqual([other]);
      const back = await search('process-instances', { page: { before: next.page.startCursor, limit: 2 } });
      expect(keysOf(back)).toEqual([i[1], i[2]]);
      const beyond = await search('process-instances', { page: { from: 10 } });
      expect(beyond).toEqual({ items: [], page: { totalItems: 4, hasMoreTotalItems: false } });
    });

    it('gets one by key, and answers 404 for a key it does not know', async () => {
      const [item] = (await search('process-instances', { filter: { processInstanceKey: i[1] } })).items;
      const got = await p.http.get(`/v2/process-instances/${i[1]}`);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(item);
      const missing = await p.http.get('/v2/process-instances/2251799813999999');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
      expect(missing.body).toEqual({
        type: 'about:blank',
        title: 'NOT_FOUND',
        status: 404,
        detail: "Process Instance with key '2251799813999999' not found",
        instance: '/v2/process-instances/2251799813999999',
      });
    });
  });

  describe('element instances', () => {
    it('answers the elements an instance went through, with names and Camunda types', async () => {
      const page = await search('element-instances', { filter: { processInstanceKey: i[0] } });
      expect(page.items.map((e) => [e.elementId, e.elementName, e.type, e.state])).toEqual([
        ['start', 'Case opened', 'START_EVENT', 'COMPLETED'],
        ['task', 'Check case', 'SERVICE_TASK', 'COMPLETED'],
        ['end', 'end', 'END_EVENT', 'COMPLETED'],
      ]);
      expect(page.items[1]).toEqual({
        elementInstanceKey: expect.stringMatching(/^\d{16}$/),
        processInstanceKey: i[0],
        processDefinitionKey: definitionKey,
        processDefinitionId: 'review',
        elementId: 'task',
        elementName: 'Check case',
        type: 'SERVICE_TASK',
        state: 'COMPLETED',
        startDate: at(0),
        endDate: at(10),
        hasIncident: false,
        tenantId: '<default>',
      });
    });

    it('given an incident, shows it on the element and finds the element by it', async () => {
      const [incident] = (await search('incidents', { filter: { processInstanceKey: i[1] } })).items;
      const page = await search('element-instances', { filter: { hasIncident: true } });
      expect(page.items).toEqual([
        expect.objectContaining({
          processInstanceKey: i[1],
          elementId: 'task',
          state: 'ACTIVE',
          hasIncident: true,
          incidentKey: incident?.incidentKey,
        }),
      ]);
      const byIncident = await search('element-instances', {
        filter: { incidentKey: incident?.incidentKey },
      });
      expect(byIncident.items).toEqual(page.items);
      const got = await p.http.get(`/v2/element-instances/${page.items[0]?.elementInstanceKey}`);
      expect(got.body).toEqual(page.items[0]);
    });

    it('filters on type, state and element id, and sorts', async () => {
      const tasks = await search('element-instances', {
        filter: { type: 'SERVICE_TASK', processDefinitionId: 'review', state: 'ACTIVE' },
        sort: [{ field: 'processInstanceKey', order: 'DESC' }],
      });
      expect(keysOf(tasks)).toEqual([i[2], i[1]]);
      const ends = await search('element-instances', { filter: { elementId: 'end' } });
      expect(keysOf(ends)).toEqual([i[0]]);
    });
  });

  describe('incidents', () => {
    it('answers a failed job without retries as a JOB_NO_RETRIES incident', async () => {
      const page = await search('incidents', { filter: { processInstanceKey: i[1] } });
      const [task] = (
        await search('element-instances', { filter: { processInstanceKey: i[1], elementId: 'task' } })
      ).items;
      expect(page.items).toEqual([
        {
          incidentKey: expect.stringMatching(/^\d{16}$/),
          processDefinitionKey: definitionKey,
          processDefinitionId: 'review',
          processInstanceKey: i[1],
          errorType: 'JOB_NO_RETRIES',
          errorMessage: 'core banking down',
          elementId: 'task',
          elementInstanceKey: task?.elementInstanceKey,
          creationTime: at(11),
          state: 'ACTIVE',
          jobKey: failedJob,
          tenantId: '<default>',
        },
      ]);
      const got = await p.http.get(`/v2/incidents/${page.items[0]?.incidentKey}`);
      expect(got.body).toEqual(page.items[0]);
      expect((await p.http.get('/v2/incidents/2251799813999999')).status).toBe(404);
    });

    it('filters on error type, state, job key and creation time', async () => {
      const count = async (filter: object) => (await search('incidents', { filter })).page.totalItems;
      expect(await count({ errorType: 'JOB_NO_RETRIES', state: 'ACTIVE' })).toBe(1);
      expect(await count({ errorType: 'IO_MAPPING_ERROR' })).toBe(0);
      expect(await count({ state: 'RESOLVED' })).toBe(0);
      expect(await count({ jobKey: failedJob })).toBe(1);
      expect(await count({ creationTime: { $lt: at(11) } })).toBe(0);
    });
  });

  describe('variables', () => {
    it('answers variables as JSON text with scope, instance and a key that gets them back', async () => {
      const page = await search('variables', {
        filter: { processInstanceKey: i[0] },
        sort: [{ field: 'name', order: 'ASC' }],
      });
      expect(page.items.map((v) => [v.name, v.value])).toEqual([
        ['amount', '10'],
        ['approved', 'true'],
        ['caseId', '"C-1"'],
      ]);
      const caseId = page.items[2];
      expect(caseId).toEqual({
        variableKey: expect.stringMatching(/^\d{16}-[A-Za-z0-9_-]+$/),
        name: 'caseId',
        value: '"C-1"',
        isTruncated: false,
        scopeKey: i[0],
        processInstanceKey: i[0],
        tenantId: '<default>',
      });
      const got = await p.http.get(`/v2/variables/${caseId?.variableKey}`);
      expect(got.body).toEqual({ ...caseId, isTruncated: undefined });
      const byKey = await search('variables', { filter: { variableKey: caseId?.variableKey } });
      expect(byKey.items).toEqual([caseId]);
    });

    it('cuts long values in searches and gives them whole by key', async () => {
      const [note] = (await search('variables', { filter: { isTruncated: true } })).items;
      expect(note).toMatchObject({ name: 'note', processInstanceKey: other, isTruncated: true });
      expect(note?.value).toHaveLength(8191);
      const got = await p.http.get<{ value: string }>(`/v2/variables/${note?.variableKey}`);
      expect(got.body.value).toBe(JSON.stringify(LONG));
    });

    it('filters on name and value, with operators', async () => {
      const names = async (filter: object) =>
        (await search('variables', { filter, sort: [{ field: 'processInstanceKey' }] })).items.map((v) => [
          v.name,
          v.value,
        ]);
      expect(await names({ name: 'caseId', value: { $in: ['"C-2"', '"C-3"'] } })).toEqual([
        ['caseId', '"C-2"'],
        ['caseId', '"C-3"'],
      ]);
      expect(await names({ name: { $like: 'appr*' } })).toEqual([['approved', 'true']]);
      expect(await names({ scopeKey: i[2], name: { $notIn: ['caseId'] } })).toEqual([['amount', '30']]);
    });

    it('given a variableKey it did not make, answers 400; given an unknown one, 404', async () => {
      expect((await p.http.get('/v2/variables/12345')).status).toBe(400);
      expect((await p.http.get('/v2/variables/2251799813999999-bm9wZQ')).status).toBe(404);
    });
  });

  describe('process definitions', () => {
    it('answers definitions with their names, the latest versions, and the XML', async () => {
      await p.zeebe.deployResource({ name: 'review.bpmn', process: Buffer.from(review('v2.review.two')) });
      const page = await search('process-definitions', {
        filter: { processDefinitionId: 'review' },
        sort: [{ field: 'version', order: 'DESC' }],
      });
      expect(page.items.map((d) => d.version)).toEqual([2, 1]);
      expect(page.items[1]).toEqual({
        processDefinitionKey: definitionKey,
        processDefinitionId: 'review',
        name: 'Case review',
        resourceName: 'review.bpmn',
        version: 1,
        tenantId: '<default>',
      });
      const latest = await search('process-definitions', { filter: { isLatestVersion: true } });
      expect(latest.items.map((d) => [d.processDefinitionId, d.version])).toEqual([
        ['other', 1],
        ['review', 2],
      ]);
      const other = latest.items[0];
      expect(other).not.toHaveProperty('name');
      expect((await p.http.get(`/v2/process-definitions/${definitionKey}`)).body).toEqual(page.items[1]);

      const got = await p.http.get(`/v2/process-definitions/${definitionKey}/xml`);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('text/xml');
      expect(got.body).toBe(xml);
      expect((await p.http.get('/v2/process-definitions/2251799813999999/xml')).status).toBe(404);
    });
  });

  describe('every sort field and the rarer filters', () => {
    const resources: [string, ResourceSpec<never>][] = [
      ['process-instances', processInstances as ResourceSpec<never>],
      ['element-instances', elementInstances as ResourceSpec<never>],
      ['incidents', incidents as ResourceSpec<never>],
      ['variables', variables as ResourceSpec<never>],
      ['process-definitions', processDefinitions as ResourceSpec<never>],
    ];

    it.each(resources)('given any whitelisted sort field of %s, answers every match', async (path, spec) => {
      const { totalItems } = (await search(path)).page;
      for (const field of Object.keys(spec.search(p.platform.engineStore?.dialect ?? 'sqlite').sorts)) {
        for (const order of ['ASC', 'DESC']) {
          const page = await search(path, { sort: [{ field, order }], page: { limit: 1000 } });
          expect(page.items, `${path} by ${field} ${order}`).toHaveLength(totalItems);
        }
      }
    });

    it('filters on absent parents, truncation, latest versions and sets of variable keys', async () => {
      const count = async (path: string, filter: object) => (await search(path, { filter })).page.totalItems;
      expect(await count('process-instances', { parentProcessInstanceKey: { $exists: false } })).toBe(4);
      expect(await count('process-instances', { parentElementInstanceKey: '2251799813685249' })).toBe(0);
      expect(await count('element-instances', { elementInstanceScopeKey: i[0] })).toBe(3);
      expect(await count('element-instances', { endDate: { $exists: false } })).toBe(3);
      const all = (await search('variables')).page.totalItems;
      expect(await count('variables', { isTruncated: false })).toBe(all - 1);
      const keys = (await search('variables', { filter: { processInstanceKey: i[0] } })).items.map(
        (v) => v.variableKey,
      );
      expect(await count('variables', { variableKey: { $in: keys } })).toBe(3);
      expect(await count('variables', { variableKey: { $notIn: keys } })).toBe(all - 3);
      expect(await count('process-definitions', { isLatestVersion: false })).toBe(1);
    });
  });

  describe('bad requests', () => {
    const expectProblem = async (path: string, body: unknown, detail: RegExp, status = 400) => {
      const response = await p.http.request<Record<string, unknown>>('POST', path, body);
      expect(response.status, JSON.stringify(response.body)).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.body).toMatchObject({ type: 'about:blank', status, instance: path });
      expect(response.body.detail).toMatch(detail);
    };

    it('given an unknown or unsupported filter field, answers 400 naming it', async () => {
      await expectProblem('/v2/process-instances/search', { filter: { bogus: 1 } }, /filter\.bogus/);
      await expectProblem(
        '/v2/process-instances/search',
        { filter: { processDefinitionName: 'x' } },
        /filter\.processDefinitionName is not supported/,
      );
      await expectProblem('/v2/incidents/search', { filter: { errorType: 'BOGUS' } }, /filter\.errorType/);
      await expectProblem('/v2/incidents/search', { filter: { incidentKey: { $in: ['1'] } } }, /exact value/);
      await expectProblem('/v2/variables/search', { filter: { scopeKey: 'abc' } }, /filter\.scopeKey/);
      await expectProblem(
        '/v2/variables/search',
        { filter: { name: { $regex: 'x' } } },
        /filter\.name\.\$regex/,
      );
      await expectProblem('/v2/element-instances/search', { filter: { type: 'SERVICE' } }, /filter\.type/);
      await expectProblem(
        '/v2/process-instances/search',
        { filter: { startDate: 'yesterday' } },
        /startDate/,
      );
      await expectProblem('/v2/process-instances/search', { filter: { constructor: 'x' } }, /constructor/);
    });

    it('given a bad sort or page, answers 400 naming it', async () => {
      await expectProblem('/v2/incidents/search', { sort: [{ field: 'bogus' }] }, /sort\[0\]\.field/);
      await expectProblem(
        '/v2/incidents/search',
        { sort: [{ field: 'state', order: 'UP' }] },
        /sort\[0\]\.order/,
      );
      await expectProblem('/v2/incidents/search', { sort: { field: 'state' } }, /sort must be an array/);
      await expectProblem('/v2/variables/search', { page: { limit: 0 } }, /page\.limit/);
      await expectProblem('/v2/variables/search', { page: { from: -1 } }, /page\.from/);
      await expectProblem('/v2/variables/search', { page: { from: 0, after: 'WzBd' } }, /only one/);
      await expectProblem('/v2/variables/search', { page: { after: 'nonsense' } }, /page\.after/);
    });

    it('given a body that is not a search request, answers 400', async () => {
      await expectProblem('/v2/process-definitions/search', '{not json', /not valid JSON/);
      await expectProblem('/v2/process-definitions/search', [1], /JSON object/);
      await expectProblem('/v2/process-definitions/search', { query: {} }, /query is not a property/);
    });

    it('given a malformed key or the wrong method, answers 400 or 405', async () => {
      const bad = await p.http.get('/v2/incidents/not-a-key');
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({
        title: 'INVALID_ARGUMENT',
        detail: expect.stringContaining('incidentKey'),
      });
      const wrong = await p.http.get('/v2/process-instances/search');
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('allow')).toBe('POST');
    });

    it('leaves other /v2 paths to the server, and the clock keeps working', async () => {
      expect((await p.http.get('/v2/nothing-here')).status).toBe(404);
      expect((await p.http.put('/v2/clock', { timestamp: T0 + 3_600_000 })).status).toBe(204);
    });
  });
});
