import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { cleanProcess, form, unlintedProcess } from './test-kit.ts';

interface Problem {
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
  problems?: { id?: string; rule: string; category: string }[];
}
interface RequestDto {
  id: string;
  modelId: string;
  version: number;
  state: string;
  requestedBy: string;
  approvedBy?: string;
  decidedBy: string | null;
  decisionComment: string | null;
  deployment?: { key: string; resourceKey: string; version: number };
}
interface ListItem {
  id: string;
  deployedVersion: number | null;
  runningInstances: { version: number | null; count: number | null; processDefinitionKey: string }[];
}

const JOB = 'test.repository.deploys';

/** Four eyes on deploys: a second process owner or an admin approves, never the requester. */
describe(`repository: deploy requests under four eyes (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
  });
  afterAll(async () => {
    await p?.close();
  });

  const create = async (name: string, content: string, kind = 'bpmn') => {
    const answer = await p.as('owner').post('/api/designer/models', { name, kind, content });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  };
  const ask = (user: string, model: string, version = 1) =>
    p
      .as(user)
      .post<RequestDto & Problem>(`/api/designer/models/${model}/versions/${version}/deploy-requests`, {
        comment: 'Mohon ditinjau',
      });

  it('given owner asks, owner2 approves: deployed over gRPC, and an instance of it runs through the API', async () => {
    await create('uji-terbit', cleanProcess('uji-terbit', { jobType: JOB }));
    const asked = await ask('owner', 'uji-terbit');
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({
      modelId: 'uji-terbit',
      version: 1,
      state: 'pending',
      requestedBy: 'owner',
    });
    const pending = await p
      .as('owner2')
      .get<{ items: RequestDto[] }>('/api/designer/deploy-requests?state=pending');
    expect(pending.body.items.map((r) => r.id)).toContain(asked.body.id);

    const approved = await p
      .as('owner2')
      .post<RequestDto>(`/api/designer/deploy-requests/${asked.body.id}/approve`, {
        comment: 'Setuju',
      });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({
      state: 'deployed',
      approvedBy: 'owner2',
      decisionComment: 'Setuju',
    });
    expect(approved.body.deployment?.resourceKey).toMatch(/^\d+$/);
    expect(approved.body.deployment?.version).toBe(1);

    const started = await p
      .as('supervisor1')
      .post<{ processInstanceKey: string }>('/api/operations/processes/uji-terbit/instances', {
        variables: { nasabah: 'A' },
      });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const models = await p.as('owner').get<{ items: ListItem[] }>('/api/designer/models');
    const item = models.body.items.find((m) => m.id === 'uji-terbit');
    expect(item?.deployedVersion).toBe(1);
    expect(item?.runningInstances).toEqual([
      expect.objectContaining({
        version: 1,
        count: 1,
        processDefinitionKey: approved.body.deployment?.resourceKey,
      }),
    ]);
    const detail = await p
      .as('owner')
      .get<{ versions: { version: number; deployed: boolean }[] }>('/api/designer/models/uji-terbit');
    expect(detail.body.versions).toEqual([expect.objectContaining({ version: 1, deployed: true })]);

    const jobs = await p.zeebe.activateJobs({
      type: JOB,
      worker: 'test',
      maxJobsToActivate: 1,
      timeout: 30_000,
      requestTimeout: 5_000,
    } as never);
    expect(jobs).toHaveLength(1);
    await p.zeebe.completeJob({ jobKey: jobs[0]?.key as string, variables: {} });
    const instance = await p
      .as('owner')
      .get<{ state: string }>(`/v2/process-instances/${started.body.processInstanceKey}`);
    expect(instance.body.state).toBe('COMPLETED');
  });

  it('the requester never approves their own request (403 FOUR_EYES), even a user who is admin as well', async () => {
    await create('uji-mata', cleanProcess('uji-mata'));
    const own = await ask('owner', 'uji-mata');
    const self = await p
      .as('owner')
      .post<Problem>(`/api/designer/deploy-requests/${own.body.id}/approve`, {});
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('FOUR_EYES');

    const password = 'kata-sandi-uji-panjang';
    const made = await p.http.post('/api/users', {
      username: 'owner.admin',
      displayName: 'Pemilik dan Admin',
      roles: ['admin', 'process-owner'],
      password,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const login = await p.anonymous.post<{ token: string }>('/api/auth/login', {
      username: 'owner.admin',
      password,
    });
    const both = p.anonymous.withToken(login.body.token);
    await p.as('owner').post('/api/designer/models/uji-mata/versions', {
      content: cleanProcess('uji-mata', { taskName: 'Dua' }),
    });
    const theirs = await both.post<RequestDto>(
      '/api/designer/models/uji-mata/versions/2/deploy-requests',
      {},
    );
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);
    const adminSelf = await both.post<Problem>(`/api/designer/deploy-requests/${theirs.body.id}/approve`, {});
    expect(adminSelf.status).toBe(403);
    expect(adminSelf.body.code).toBe('FOUR_EYES');
    // Someone else may: the admin approves the owner's request.
    const byAdmin = await p
      .as('admin')
      .post<RequestDto>(`/api/designer/deploy-requests/${own.body.id}/approve`, {});
    expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(200);
    const twice = await p
      .as('owner2')
      .post<Problem>(`/api/designer/deploy-requests/${own.body.id}/approve`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('REQUEST_DECIDED');
  });

  it('a BPMN with lint errors cannot be asked for: 422 LINT_ERRORS with the problems and their elements', async () => {
    await create('uji-kusut', unlintedProcess('uji-kusut'));
    const asked = await ask('owner', 'uji-kusut');
    expect(asked.status).toBe(422);
    expect(asked.body.code).toBe('LINT_ERRORS');
    expect(asked.body.problems).toContainEqual(
      expect.objectContaining({ id: 'start', rule: 'label-required', category: 'error' }),
    );
    expect(asked.body.errors?.some((e) => e.message.includes("Element 'start'"))).toBe(true);
  });

  it('lint is checked again at approval: a request that waits on a version with lint errors is 422, not deployed', async () => {
    // As if it was asked for before the rules changed: the request row written directly.
    await create('uji-lama', unlintedProcess('uji-lama'));
    const id = '00000000-0000-4000-8000-00000000a001';
    await p.platform.sequelize.query(
      `INSERT INTO repository_deploy_requests (id, model_id, version, requested_by, requested_at, state)
       VALUES (:id, 'uji-lama', 1, 'owner', 0, 'pending')`,
      { replacements: { id } },
    );
    const approved = await p.as('owner2').post<Problem>(`/api/designer/deploy-requests/${id}/approve`, {});
    expect(approved.status).toBe(422);
    expect(approved.body.code).toBe('LINT_ERRORS');
    expect(approved.body.problems?.length).toBeGreaterThan(0);
    const deployed = await p.as('owner').post<{ items: unknown[] }>('/v2/process-definitions/search', {
      filter: { processDefinitionId: 'uji-lama' },
    });
    expect(deployed.body.items).toEqual([]);
  });

  it('a rejection needs a comment; a rejected request cannot be approved; forms deploy as their own models', async () => {
    await create('uji-formulir', form('uji-formulir-id'), 'form');
    const asked = await ask('owner', 'uji-formulir');
    expect(asked.status).toBe(201);
    const bare = await p
      .as('owner2')
      .post<Problem>(`/api/designer/deploy-requests/${asked.body.id}/reject`, {});
    expect(bare.status).toBe(400);
    expect(bare.body.errors?.[0]?.field).toBe('body.comment');
    const empty = await p
      .as('owner2')
      .post<Problem>(`/api/designer/deploy-requests/${asked.body.id}/reject`, { comment: ' ' });
    expect(empty.status).toBe(400);
    const rejected = await p
      .as('owner2')
      .post<RequestDto>(`/api/designer/deploy-requests/${asked.body.id}/reject`, {
        comment: 'Label kurang jelas',
      });
    expect(rejected.body).toMatchObject({
      state: 'rejected',
      decidedBy: 'owner2',
      decisionComment: 'Label kurang jelas',
    });
    expect(rejected.body.deployment).toBeUndefined();
    const late = await p
      .as('admin')
      .post<Problem>(`/api/designer/deploy-requests/${asked.body.id}/approve`, {});
    expect(late.status).toBe(409);

    const again = await ask('owner', 'uji-formulir');
    const deployed = await p
      .as('admin')
      .post<RequestDto>(`/api/designer/deploy-requests/${again.body.id}/approve`, {});
    expect(deployed.body.deployment?.resourceKey).toMatch(/^\d+$/);
    const states = await p
      .as('owner')
      .get<{ items: RequestDto[] }>('/api/designer/deploy-requests?state=rejected');
    expect(states.body.items.map((r) => r.id)).toEqual([asked.body.id]);
  });

  it('a second request for a version that waits is 409; every decision is audited', async () => {
    await create('uji-ganda', cleanProcess('uji-ganda'));
    expect((await ask('owner', 'uji-ganda')).status).toBe(201);
    const second = await ask('owner2', 'uji-ganda');
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('REQUEST_PENDING');
    const audit = await p
      .as('compliance1')
      .get<{ items: { action: string; actor: string }[] }>(
        '/api/audit/entries?entityType=deploy-request&limit=100',
      );
    const actions = audit.body.items.map((e) => `${e.action} ${e.actor}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'deploy-request.create owner',
        'deploy-request.approve owner2',
        'deploy-request.reject owner2',
      ]),
    );
  });
});
