import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Transaction } from 'sequelize';
import type { Clock } from '../../engine/index.ts';
import type { AuditLog } from '../audit/index.ts';
import { checksumOf } from './content.ts';
import type { ModelRecord, RepositoryStore } from './model.ts';
import type { Kind } from './schema.ts';

export const SYSTEM = 'system';
export const SHIPPED_COMMENT = 'Dikirim bersama platform';
const KINDS: Record<string, Kind> = { '.bpmn': 'bpmn', '.dmn': 'dmn', '.form': 'form' };

interface ShippedFile {
  id: string;
  kind: Kind;
  content: string;
  checksum: string;
}

interface Existing {
  id: string;
  shipped_version: number | string | null;
  shipped_checksum: string | null;
  latest_version: number | string;
  deployed_checksum: string | null;
}

/**
 * The shipped models of `processes/` in the repository: each file is version 1 of the model
 * named after it (author `system`), and a file changed since its last shipped version becomes
 * a new version. When the platform deployed the folder at this start, that version is what
 * the engine runs, so it is recorded as deployed. Fast on the common path (every test platform
 * starts here): one SELECT, and writes only for what changed, in one transaction.
 */
export async function bootstrapShippedModels(
  deps: { store: RepositoryStore; clock: Clock; audit: AuditLog },
  dir: string,
  deployed: boolean,
): Promise<void> {
  const files = await readShipped(dir);
  if (files.length === 0) return;
  const { store } = deps;
  const existing = new Map(
    (
      await store.sql.rows<Existing>(
        `SELECT m.id, m.shipped_version, m.shipped_checksum, m.latest_version, d.checksum AS deployed_checksum
         FROM repository_models m LEFT JOIN repository_versions d
         ON d.model_id = m.id AND d.version = m.deployed_version`,
      )
    ).map((row) => [row.id, row]),
  );
  const work = files.filter((file) => {
    const row = existing.get(file.id);
    if (!row || row.shipped_checksum !== file.checksum) return true;
    // Unchanged since shipped: it is what runs only when no other version was deployed; a
    // version approved in the designer stays in front (the platform leaves such files out).
    return deployed && row.deployed_checksum === null;
  });
  if (work.length === 0) return;
  const now = deps.clock.now();
  const changes: Record<string, number> = {};
  await store.transaction(async (t) => {
    for (const file of work) {
      const row = existing.get(file.id);
      changes[file.id] = await apply(store, file, row, deployed, now, t);
    }
    await deps.audit.record(
      {
        actor: SYSTEM,
        source: null,
        action: 'process-model.ship',
        entityType: 'process-model',
        // One entry for the folder (entity ids are short); the details name each model.
        entityId: 'processes',
        details: { versions: changes, deployed },
      },
      t,
    );
  });
}

/** Brings one model up to its shipped file; answers the shipped version. */
async function apply(
  store: RepositoryStore,
  file: ShippedFile,
  row: Existing | undefined,
  deployed: boolean,
  now: number,
  t: Transaction,
): Promise<number> {
  let model = await store.model(file.id, t);
  let version = row?.shipped_version === null || row === undefined ? undefined : Number(row.shipped_version);
  if (!model || row?.shipped_checksum !== file.checksum) {
    version = (model?.latestVersion ?? 0) + 1;
    const resourceIds = shippedResourceIds(file);
    const next: ModelRecord = {
      id: file.id,
      name: file.id,
      kind: file.kind,
      resourceId: resourceIds[0] ?? file.id,
      resourceIds,
      latestVersion: version,
      deployedVersion: model?.deployedVersion ?? null,
      shippedVersion: version,
      shippedChecksum: file.checksum,
      updatedAt: now,
      updatedBy: SYSTEM,
    };
    if (model) await store.updateModel(next, t);
    else await store.insertModel(next, SYSTEM, t);
    await store.insertVersion(
      {
        modelId: file.id,
        version,
        content: file.content,
        checksum: file.checksum,
        author: SYSTEM,
        createdAt: now,
        comment: SHIPPED_COMMENT,
      },
      t,
    );
    model = next;
  }
  if (deployed && version !== undefined) {
    await store.insertRequest(
      {
        id: randomUUID(),
        modelId: file.id,
        version,
        requestedBy: SYSTEM,
        requestedAt: now,
        comment: SHIPPED_COMMENT,
        state: 'deployed',
        decidedBy: SYSTEM,
        decidedAt: now,
        decisionComment: SHIPPED_COMMENT,
        deploymentKey: null,
        resourceKey: null,
        deployedVersion: null,
      },
      t,
    );
    await store.setDeployedVersion(file.id, version, t);
  }
  return version ?? model.latestVersion;
}

/**
 * The ids a shipped file deploys, read without the engine's compiler: the platform deployed
 * (or refused to start with) these very files, so they are valid; this keeps start-up fast.
 */
function shippedResourceIds(file: ShippedFile): string[] {
  if (file.kind === 'form') {
    const id = (JSON.parse(file.content) as { id?: unknown }).id;
    return id === undefined ? [] : [String(id)];
  }
  if (file.kind === 'bpmn') {
    const executable = [...file.content.matchAll(/<(?:\w+:)?process\b([^>]*)>/g)]
      .map((m) => m[1] ?? '')
      .filter((attributes) => /isExecutable\s*=\s*"true"/.test(attributes))
      .map((attributes) => /\bid\s*=\s*"([^"]+)"/.exec(attributes)?.[1])
      .filter((id): id is string => id !== undefined);
    return executable.includes(file.id)
      ? [file.id, ...executable.filter((id) => id !== file.id)]
      : executable;
  }
  return [...file.content.matchAll(/<(?:\w+:)?decision\b([^>]*)>/g)]
    .map((m) => /\bid\s*=\s*"([^"]+)"/.exec(m[1] ?? '')?.[1])
    .filter((id): id is string => id !== undefined);
}

async function readShipped(dir: string): Promise<ShippedFile[]> {
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => extname(name) in KINDS)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const content = await readFile(join(dir, name), 'utf8');
      const ext = extname(name);
      return {
        id: name.slice(0, -ext.length),
        kind: KINDS[ext] as Kind,
        content,
        checksum: checksumOf(content),
      };
    }),
  );
}
