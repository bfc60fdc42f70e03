import { expect, it } from 'vitest';
import { describeOnEngines } from '../../tests/scenarios/engines.ts';
import { cleanProcess } from './test-kit.ts';

interface Item {
  id: string;
  deployedVersion: number | null;
  runningInstances: { version: number | null; count: number | null }[];
}
interface Problem {
  code: string;
  detail: string;
}

/**
 * The repository and operations on both engines: deploys and commands go over gRPC, so they
 * work on Zeebe as on the embedded engine; what needs the /v2 read API (instance counts,
 * incidents, the heatmap) says plainly when Zeebe mode has none (no ZEEBE_REST_ADDRESS).
 */
describeOnEngines('repository and operations', (p) => {
  it('the shipped models are version 1, deployed; a model approved by owner2 deploys and its instance starts and cancels', async () => {
    const models = await p().as('owner').get<{ items: Item[] }>('/api/designer/models');
    const handling = models.body.items.find((m) => m.id === 'cases-case-handling');
    expect(handling?.deployedVersion).toBe(1);
    expect(handling?.runningInstances[0]?.version).toBe(1);

    const created = await p()
      .as('owner')
      .post('/api/designer/models', {
        name: 'uji-mesin',
        kind: 'bpmn',
        content: cleanProcess('uji-mesin', { jobType: 'test.repository.engines' }),
      });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const asked = await p()
      .as('owner')
      .post<{ id: string }>('/api/designer/models/uji-mesin/versions/1/deploy-requests', {});
    const approved = await p()
      .as('owner2')
      .post<{ state: string; deployment: { resourceKey: string; version: number } }>(
        `/api/designer/deploy-requests/${asked.body.id}/approve`,
        {},
      );
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.deployment).toMatchObject({
      resourceKey: expect.stringMatching(/^\d+$/),
      version: 1,
    });

    const started = await p()
      .as('supervisor1')
      .post<{ processInstanceKey: string }>('/api/operations/processes/uji-mesin/instances', {
        variables: {},
      });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const listed = (await p().as('owner').get<{ items: Item[] }>('/api/designer/models')).body.items.find(
      (m) => m.id === 'uji-mesin',
    );
    expect(listed?.deployedVersion).toBe(1);
    expect(listed?.runningInstances[0]).toEqual(
      expect.objectContaining({ version: 1, count: p().engine === 'embedded' ? 1 : null }),
    );
    const cancel = `/api/operations/process-instances/${started.body.processInstanceKey}/cancel`;
    expect((await p().as('admin').post(cancel)).status).toBe(204);
    expect((await p().as('admin').post<Problem>(cancel)).status).toBe(404);
  });

  it('without a read API (Zeebe mode, no ZEEBE_REST_ADDRESS) retry and statistics are 501 saying why', async () => {
    const retry = await p().as('owner').post<Problem>('/api/operations/incidents/2251799813685249/retry');
    const stats = await p()
      .as('owner')
      .get<Problem>('/api/operations/process-definitions/2251799813685249/statistics');
    if (p().engine === 'embedded') {
      expect(retry.status).toBe(404);
      expect(stats.status).toBe(404);
    } else {
      for (const answer of [retry, stats]) {
        expect(answer.status).toBe(501);
        expect(answer.body.code).toBe('READ_API_UNAVAILABLE');
        expect(answer.body.detail).toContain('ZEEBE_REST_ADDRESS');
      }
    }
  });
});
