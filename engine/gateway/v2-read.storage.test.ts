import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPlatform } from '../../tests/harness/create-platform.ts';
import { at, keysOf, searcher, setUpReadApi } from './v2-read.fixture.ts';

describe(`the /v2 read API on the embedded engine: instances and incidents (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let definitionKey: string;
  let i: string[] = [];
  let other: string;
  let failedJob: string;
  const search = searcher(() => p);

  beforeAll(async () => {
    ({ p, definitionKey, i, other, failedJob } = await setUpReadApi());
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
});
