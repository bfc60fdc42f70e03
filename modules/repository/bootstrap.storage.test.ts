import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { createTestDatabases, type TestDatabases } from '../../tests/harness/test-database.ts';
import { PROCESSES_DIR } from '../server/processes.ts';

interface Item {
  id: string;
  kind: string;
  resourceId: string;
  latestVersion: number;
  deployedVersion: number | null;
  updatedBy: string;
  runningInstances: {
    version: number | null;
    count: number | null;
    processDefinitionVersion: number | null;
  }[];
}
interface Detail {
  versions: { version: number; author: string; comment: string | null; deployed: boolean }[];
}

const SHIPPED = readdirSync(PROCESSES_DIR)
  .filter((name) => ['.bpmn', '.dmn', '.form'].includes(extname(name)))
  .map((name) => name.slice(0, -extname(name).length))
  .sort();
const CHANGED = 'cases-case-handling';

/** The shipped models of processes/ in the repository: version 1 by system, a new version when a file changes. */
describe(`repository: the shipped models (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let databases: TestDatabases;
  let folder: string;
  let p: TestPlatform | undefined;
  beforeAll(async () => {
    databases = await createTestDatabases();
    folder = mkdtempSync(join(tmpdir(), 'repository-shipped-'));
    cpSync(PROCESSES_DIR, folder, { recursive: true });
  });
  afterAll(async () => {
    await p?.close();
    await databases?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  const models = async (platform: TestPlatform) =>
    (await platform.as('owner').get<{ items: Item[] }>('/api/designer/models')).body.items;

  it('given the platform deployed processes/, each shipped file is version 1 by system, deployed, with its running definition', async () => {
    p = await createPlatform({ databases, processes: folder });
    const items = await models(p);
    expect(items.map((m) => m.id)).toEqual(SHIPPED);
    for (const item of items)
      expect(item).toMatchObject({ latestVersion: 1, deployedVersion: 1, updatedBy: 'system' });
    const handling = items.find((m) => m.id === CHANGED);
    expect(handling).toMatchObject({ kind: 'bpmn', resourceId: CHANGED });
    // Matched to version 1 by the checksum of the deployed XML.
    expect(handling?.runningInstances).toEqual([
      expect.objectContaining({ version: 1, processDefinitionVersion: 1 }),
    ]);
    expect(items.find((m) => m.id === 'cases-case-routing')?.kind).toBe('dmn');
    const detail = await p.as('owner').get<Detail>(`/api/designer/models/${CHANGED}`);
    expect(detail.body.versions).toEqual([
      {
        version: 1,
        author: 'system',
        comment: 'Dikirim bersama platform',
        deployed: true,
        createdAt: expect.any(String),
        checksum: expect.any(String),
      },
    ]);
  });

  it('when the platform starts again with one file changed, that model gets version 2 by system, deployed; the rest stay', async () => {
    await p?.close();
    p = undefined;
    appendFileSync(join(folder, `${CHANGED}.bpmn`), '<!-- diubah -->\n');
    p = await createPlatform({ databases, processes: folder });
    const items = await models(p);
    const handling = items.find((m) => m.id === CHANGED);
    expect(handling).toMatchObject({ latestVersion: 2, deployedVersion: 2 });
    expect(handling?.runningInstances[0]).toMatchObject({ version: 2, processDefinitionVersion: 2 });
    for (const item of items.filter((m) => m.id !== CHANGED)) expect(item.latestVersion).toBe(1);
    const detail = await p.as('owner').get<Detail>(`/api/designer/models/${CHANGED}`);
    expect(detail.body.versions.map((v) => [v.version, v.author, v.deployed])).toEqual([
      [2, 'system', true],
      [1, 'system', true],
    ]);
  });

  it('a version approved in the designer keeps running after a restart: the unchanged shipped file is left out', async () => {
    if (!p) throw new Error('the platform of the previous test is gone');
    const shipped = await p
      .as('owner')
      .get<{ content: string }>(`/api/designer/models/${CHANGED}/versions/2`);
    const edited = shipped.body.content.replace(
      'name="Penanganan pengaduan nasabah"',
      'name="Penanganan pengaduan (revisi)"',
    );
    expect(edited).not.toBe(shipped.body.content);
    const saved = await p.as('owner').post<{ version: number }>(`/api/designer/models/${CHANGED}/versions`, {
      content: edited,
      comment: 'Nama baru',
    });
    expect(saved.status).toBe(201);
    const requested = await p
      .as('owner')
      .post<{ id: string }>(
        `/api/designer/models/${CHANGED}/versions/${saved.body.version}/deploy-requests`,
        {
          comment: 'Mohon disetujui',
        },
      );
    expect(requested.status).toBe(201);
    const approved = await p
      .as('owner2')
      .post(`/api/designer/deploy-requests/${requested.body.id}/approve`, {});
    expect(approved.status).toBe(200);
    await p.close();
    p = undefined;
    p = await createPlatform({ databases, processes: folder });
    const handling = (await models(p)).find((m) => m.id === CHANGED);
    expect(handling).toMatchObject({ latestVersion: 3, deployedVersion: 3 });
    expect(handling?.runningInstances).toEqual([
      expect.objectContaining({ version: 3, processDefinitionVersion: 3 }),
    ]);
  });

  it('a platform that did not deploy processes/ still knows its models, none deployed', async () => {
    const fresh = await createPlatform();
    try {
      const items = await models(fresh);
      expect(items.map((m) => m.id)).toEqual(SHIPPED);
      for (const item of items) expect(item).toMatchObject({ latestVersion: 1, deployedVersion: null });
    } finally {
      await fresh.close();
    }
  });
});
