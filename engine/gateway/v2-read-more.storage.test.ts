import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPlatform } from '../../tests/harness/create-platform.ts';
import { elementInstances } from './v2/element-instances.ts';
import { incidents } from './v2/incidents.ts';
import { processDefinitions } from './v2/process-definitions.ts';
import { processInstances } from './v2/process-instances.ts';
import type { ResourceSpec } from './v2/resource.ts';
import { variables } from './v2/variables.ts';
import { LONG, review, searcher, setUpReadApi, T0 } from './v2-read.fixture.ts';

describe(`the /v2 read API on the embedded engine: variables, definitions, sorting, bad requests (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let definitionKey: string;
  let i: string[] = [];
  let other: string;
  let xml: string;
  const search = searcher(() => p);

  beforeAll(async () => {
    ({ p, definitionKey, i, other, xml } = await setUpReadApi());
  });
  afterAll(() => p?.close());

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
        variableKey: expect.stringMatching(/^\d{16}$/),
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

    it('given a variableKey that is not a key, answers 400; given an unknown one, 404', async () => {
      expect((await p.http.get('/v2/variables/amount')).status).toBe(400);
      expect((await p.http.get('/v2/variables/2251799813999999')).status).toBe(404);
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
