import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { cleanProcess, decision, form } from './test-kit.ts';

interface Problem {
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}
interface ModelDto {
  id: string;
  kind: string;
  resourceId: string;
  latestVersion: number;
  deployedVersion: number | null;
  updatedBy: string;
  versions?: {
    version: number;
    author: string;
    checksum: string;
    comment: string | null;
    deployed: boolean;
  }[];
}
interface VersionDto {
  version: number;
  content: string;
  author: string;
  checksum: string;
  comment: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The repository: models, versions with author and checksum, content checked as a deploy would. */
describe(`repository: models and versions (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
  });
  afterAll(async () => {
    await p?.close();
  });

  it('given a valid BPMN, owner creates a model: version 1 by owner with its checksum, process id as resource id', async () => {
    const content = cleanProcess('uji-satu');
    const created = await p.as('owner').post<ModelDto>('/api/designer/models', {
      name: 'uji-satu',
      kind: 'bpmn',
      content,
      comment: 'Versi pertama',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      id: 'uji-satu',
      resourceId: 'uji-satu',
      latestVersion: 1,
      deployedVersion: null,
    });
    const model = await p.as('supervisor1').get<ModelDto>('/api/designer/models/uji-satu');
    expect(model.body.versions).toEqual([
      expect.objectContaining({
        version: 1,
        author: 'owner',
        checksum: sha256(content),
        comment: 'Versi pertama',
        deployed: false,
      }),
    ]);
    const again = await p
      .as('owner')
      .post<Problem>('/api/designer/models', { name: 'uji-satu', kind: 'bpmn', content });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MODEL_EXISTS');
  });

  it('when owner2 saves changed content it is version 2, newest first; the same content again is 409 UNCHANGED', async () => {
    await p
      .as('owner')
      .post('/api/designer/models', { name: 'uji-dua', kind: 'bpmn', content: cleanProcess('uji-dua') });
    const changed = cleanProcess('uji-dua', { taskName: 'Kerjakan lagi' });
    const saved = await p.as('owner2').post<VersionDto>('/api/designer/models/uji-dua/versions', {
      content: changed,
      comment: 'Ganti nama tugas',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body).toMatchObject({ version: 2, author: 'owner2', checksum: sha256(changed) });
    const same = await p
      .as('owner')
      .post<Problem>('/api/designer/models/uji-dua/versions', { content: changed });
    expect(same.status).toBe(409);
    expect(same.body.code).toBe('UNCHANGED');
    const model = await p.as('owner').get<ModelDto>('/api/designer/models/uji-dua');
    expect(model.body).toMatchObject({ latestVersion: 2, updatedBy: 'owner2' });
    expect(model.body.versions?.map((v) => [v.version, v.author])).toEqual([
      [2, 'owner2'],
      [1, 'owner'],
    ]);
    const first = await p.as('compliance1').get<VersionDto>('/api/designer/models/uji-dua/versions/1');
    expect(first.body.content).toBe(cleanProcess('uji-dua'));
    expect((await p.as('owner').get<Problem>('/api/designer/models/uji-dua/versions/9')).status).toBe(404);
    expect((await p.as('owner').get<Problem>('/api/designer/models/tidak-ada')).status).toBe(404);
  });

  it('a BPMN the engine would refuse is 400 naming body.content and the element', async () => {
    const broken = cleanProcess('uji-rusak').replace(
      '<zeebe:taskDefinition type="test.repository.work" />',
      '<zeebe:taskDefinition type="=1 +" />',
    );
    const answer = await p
      .as('owner')
      .post<Problem>('/api/designer/models', { name: 'uji-rusak', kind: 'bpmn', content: broken });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('INVALID_CONTENT');
    expect(answer.body.errors?.[0]?.field).toBe('body.content');
    expect(answer.body.errors?.[0]?.message).toContain("Element 'work'");
    const notXml = await p
      .as('owner')
      .post<Problem>('/api/designer/models', { name: 'uji-xml', kind: 'bpmn', content: '<nope' });
    expect(notXml.status).toBe(400);
    expect(notXml.body.errors?.[0]?.field).toBe('body.content');
  });

  it('a shipped-style name needs its process id: cases-x with process id y is 400 naming the element', async () => {
    const answer = await p.as('owner').post<Problem>('/api/designer/models', {
      name: 'cases-uji',
      kind: 'bpmn',
      content: cleanProcess('lain'),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.message).toContain("Element 'lain'");
    expect(answer.body.detail).toContain("'cases-uji'");
  });

  it('two models cannot deploy one process id: 409 RESOURCE_ID_TAKEN', async () => {
    await p.as('owner').post('/api/designer/models', {
      name: 'uji-pemilik',
      kind: 'bpmn',
      content: cleanProcess('uji-milik'),
    });
    const answer = await p.as('owner').post<Problem>('/api/designer/models', {
      name: 'uji-peniru',
      kind: 'bpmn',
      content: cleanProcess('uji-milik'),
    });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('RESOURCE_ID_TAKEN');
  });

  it('forms need JSON with an id, DMN must parse; their ids become the resource ids', async () => {
    const badForm = await p.as('owner').post<Problem>('/api/designer/models', {
      name: 'uji-form',
      kind: 'form',
      content: '{"components":[]}',
    });
    expect(badForm.status).toBe(400);
    expect(badForm.body.errors?.[0]?.message).toContain('form id');
    const okForm = await p.as('owner').post<ModelDto>('/api/designer/models', {
      name: 'uji-form',
      kind: 'form',
      content: form('uji-formulir'),
    });
    expect(okForm.body).toMatchObject({ kind: 'form', resourceId: 'uji-formulir' });
    const badDmn = await p.as('owner').post<Problem>('/api/designer/models', {
      name: 'uji-dmn',
      kind: 'dmn',
      content: decision('uji-keputusan').replace('&gt;= 50', '&gt;= ('),
    });
    expect(badDmn.status).toBe(400);
    expect(badDmn.body.errors?.[0]?.message).toMatch(/Element '/);
    const okDmn = await p.as('owner').post<ModelDto>('/api/designer/models', {
      name: 'uji-dmn',
      kind: 'dmn',
      content: decision('uji-keputusan'),
    });
    expect(okDmn.body).toMatchObject({ kind: 'dmn', resourceId: 'uji-keputusan' });
  });

  it('only process owners design; every change is in the audit trail', async () => {
    const denied = await p.as('admin').post<Problem>('/api/designer/models', {
      name: 'uji-admin',
      kind: 'bpmn',
      content: cleanProcess('uji-admin'),
    });
    expect(denied.status).toBe(403);
    const audit = await p
      .as('compliance1')
      .get<{ items: { action: string; actor: string; entityId: string }[] }>(
        '/api/audit/entries?entityType=process-model&limit=100',
      );
    const actions = audit.body.items.map((e) => `${e.action} ${e.actor} ${e.entityId}`);
    expect(actions).toContain('process-model.create owner uji-dua');
    expect(actions).toContain('process-model.version owner2 uji-dua');
  });

  it('lint answers the problems with their elements; element templates are every shipped template', async () => {
    const lint = await p
      .as('supervisor1')
      .post<{ problems: { id?: string; rule: string; category: string }[] }>('/api/designer/lint', {
        content: cleanProcess('uji-lint').replace(' name="Selesai"', ''),
      });
    expect(lint.status).toBe(200);
    expect(lint.body.problems).toContainEqual(
      expect.objectContaining({ id: 'end', rule: 'label-required', category: 'error' }),
    );
    // What the engine would refuse at deploy (and saving refuses) is in the same list.
    const undeployable = await p
      .as('owner')
      .post<{ problems: { id?: string; rule: string; category: string; message: string }[] }>(
        '/api/designer/lint',
        {
          content: cleanProcess('uji-lint').replace(
            '<zeebe:taskDefinition',
            '<zeebe:ioMapping><zeebe:input target="templateKey" /></zeebe:ioMapping><zeebe:taskDefinition',
          ),
        },
      );
    expect(undeployable.body.problems).toContainEqual(
      expect.objectContaining({
        id: 'work',
        rule: 'engine-deploy',
        category: 'error',
        message: expect.stringContaining('templateKey'),
      }),
    );
    const templates = await p
      .as('owner')
      .get<{ id: string; appliesTo: string[] }[]>('/api/designer/element-templates');
    expect(templates.status).toBe(200);
    expect(templates.body.length).toBeGreaterThan(3);
    expect(templates.body.every((t) => typeof t.id === 'string' && Array.isArray(t.appliesTo))).toBe(true);
  });
});
