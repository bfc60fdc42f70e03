import { createCamundaClient } from '@camunda8/orchestration-cluster-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReadApiData, setUpReadApi } from './v2-read.fixture.ts';

/**
 * Camunda's own 8.8 REST client (@camunda8/orchestration-cluster-api) reads our /v2 API with
 * its response validation at its strictest ("fanatical": Camunda's published schemas, unknown
 * fields refused): what Operate-style tools and the designer see is Camunda's shape.
 */
describe(`the /v2 read API through Camunda's 8.8 REST client (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let data: ReadApiData;
  let camunda: ReturnType<typeof createCamundaClient>;
  beforeAll(async () => {
    data = await setUpReadApi();
    // Our /v2 is behind login: the client's requests carry the admin's token.
    const { body } = await data.p.anonymous.post<{ token: string }>('/api/auth/login', {
      username: 'admin',
      password: 'demo',
    });
    camunda = createCamundaClient({
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), Authorization: `Bearer ${body.token}` },
        }),
      config: {
        CAMUNDA_REST_ADDRESS: data.p.platform.url,
        CAMUNDA_AUTH_STRATEGY: 'NONE',
        CAMUNDA_SDK_VALIDATION: 'req:strict,res:fanatical',
      } as never,
      log: { level: 'silent' },
    });
  });
  afterAll(() => data.p.close());

  const now = { consistency: { waitUpToMs: 0 } };

  it('process definitions: search, get and XML', async () => {
    const found = await camunda.searchProcessDefinitions({ filter: { processDefinitionId: 'review' } }, now);
    expect(found.items ?? []).toHaveLength(1);
    expect(found.items?.[0]).toMatchObject({
      processDefinitionId: 'review',
      name: 'Case review',
      version: 1,
    });
    const key = found.items?.[0]?.processDefinitionKey as never;
    expect(await camunda.getProcessDefinition({ processDefinitionKey: key }, now)).toMatchObject({
      processDefinitionId: 'review',
    });
    expect(await camunda.getProcessDefinitionXml({ processDefinitionKey: key }, now)).toContain(
      '<bpmn:process id="review"',
    );
  });

  it('process instances: search with filters and sorting, and get one', async () => {
    const found = await camunda.searchProcessInstances(
      { filter: { processDefinitionId: 'review' }, sort: [{ field: 'startDate', order: 'ASC' }] },
      now,
    );
    expect((found.items ?? []).map((i) => i.state)).toEqual(['COMPLETED', 'ACTIVE', 'ACTIVE']);
    expect((found.items ?? []).map((i) => i.hasIncident)).toEqual([false, true, false]);
    const one = await camunda.getProcessInstance({ processInstanceKey: data.i[1] as never }, now);
    expect(one).toMatchObject({ processDefinitionId: 'review', state: 'ACTIVE', hasIncident: true });
  });

  it('element instances, incidents and variables', async () => {
    const elements = await camunda.searchElementInstances(
      { filter: { processInstanceKey: data.i[0] as never } },
      now,
    );
    expect((elements.items ?? []).map((e) => `${e.elementId}:${e.state}:${e.type}`)).toEqual([
      'start:COMPLETED:START_EVENT',
      'task:COMPLETED:SERVICE_TASK',
      'end:COMPLETED:END_EVENT',
    ]);
    const incidents = await camunda.searchIncidents(
      { filter: { processInstanceKey: data.i[1] as never } },
      now,
    );
    expect(incidents.items ?? []).toMatchObject([
      { errorType: 'JOB_NO_RETRIES', elementId: 'task', state: 'ACTIVE' },
    ]);
    const variables = await camunda.searchVariables(
      { filter: { processInstanceKey: data.i[0] as never } },
      now,
    );
    expect(variables.items?.length).toBeGreaterThan(0);
    for (const variable of variables.items ?? [])
      expect(() => JSON.parse(variable.value as string)).not.toThrow();
  });
});
