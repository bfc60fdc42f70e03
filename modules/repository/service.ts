import type { Clock } from '../../engine/index.ts';
import type { AuditLog } from '../audit/index.ts';
import { checkContent } from './content.ts';
import { modelNotFound, RepositoryError } from './errors.ts';
import type { InstanceCounter, RunningInstances } from './instances.ts';
import type { ModelRecord, RepositoryStore, VersionRecord } from './model.ts';
import type { Kind, NewModel, NewVersion } from './schema.ts';

/** Who acts, for the audit trail and the four-eyes rule. */
export interface Actor {
  username: string;
  roles: string[];
  source: string | null;
}

export interface ModelSummary {
  id: string;
  name: string;
  kind: Kind;
  resourceId: string;
  latestVersion: number;
  deployedVersion: number | null;
  updatedAt: number;
  updatedBy: string;
}

export interface VersionSummary {
  version: number;
  author: string;
  createdAt: number;
  comment: string | null;
  checksum: string;
  deployed: boolean;
}

const summary = (m: ModelRecord): ModelSummary => ({
  id: m.id,
  name: m.name,
  kind: m.kind,
  resourceId: m.resourceId,
  latestVersion: m.latestVersion,
  deployedVersion: m.deployedVersion,
  updatedAt: m.updatedAt,
  updatedBy: m.updatedBy,
});

/**
 * The designer's repository: BPMN, DMN and form models with every saved version (author,
 * time, comment, checksum). A version is saved only when the engine would deploy it; saving
 * the same content again is refused as UNCHANGED. Every change is audited with it.
 */
export class ModelService {
  constructor(
    private readonly deps: {
      store: RepositoryStore;
      clock: Clock;
      audit: AuditLog;
      instances: InstanceCounter;
    },
  ) {}

  async list(): Promise<(ModelSummary & { runningInstances: RunningInstances[] })[]> {
    const models = await this.deps.store.models();
    const running = await this.deps.instances.count(models);
    return models.map((m) => ({ ...summary(m), runningInstances: running.get(m.id) ?? [] }));
  }

  async get(id: string): Promise<ModelSummary & { versions: VersionSummary[] }> {
    const { store } = this.deps;
    const model = await store.model(id);
    if (!model) throw modelNotFound(id);
    const [versions, deployed] = await Promise.all([
      store.versions(id),
      store.requests({ state: 'deployed', modelId: id }),
    ]);
    const deployedVersions = new Set(deployed.map((r) => r.version));
    return {
      ...summary(model),
      versions: versions.map((v) => ({
        version: v.version,
        author: v.author,
        createdAt: v.createdAt,
        comment: v.comment,
        checksum: v.checksum,
        deployed: deployedVersions.has(v.version),
      })),
    };
  }

  async version(id: string, version: number): Promise<VersionRecord> {
    const found = await this.deps.store.version(id, version);
    if (found) return found;
    if (!(await this.deps.store.model(id))) throw modelNotFound(id);
    throw new RepositoryError('VERSION_NOT_FOUND', `Model '${id}' has no version ${version}`, [
      { field: 'path.version', message: 'no such version' },
    ]);
  }

  async create(input: NewModel, actor: Actor): Promise<ModelSummary> {
    const { store, clock } = this.deps;
    const checked = await checkContent(input.name, input.kind, input.content);
    const now = clock.now();
    const model: ModelRecord = {
      id: input.name,
      name: input.name,
      kind: input.kind,
      resourceId: checked.resourceId,
      resourceIds: checked.resourceIds,
      latestVersion: 1,
      deployedVersion: null,
      shippedVersion: null,
      shippedChecksum: null,
      updatedAt: now,
      updatedBy: actor.username,
    };
    await store.transaction(async (t) => {
      if (await store.model(model.id, t))
        throw new RepositoryError(
          'MODEL_EXISTS',
          `A model named '${model.id}' exists: save a new version of it`,
          [{ field: 'body.name', message: 'taken' }],
        );
      await this.checkResourceFree(model, t);
      await store.insertModel(model, actor.username, t);
      await store.insertVersion(
        {
          modelId: model.id,
          version: 1,
          content: input.content,
          checksum: checked.checksum,
          author: actor.username,
          createdAt: now,
          comment: input.comment ?? null,
        },
        t,
      );
      await this.deps.audit.record(
        {
          actor: actor.username,
          source: actor.source,
          action: 'process-model.create',
          entityType: 'process-model',
          entityId: model.id,
          details: { kind: model.kind, resourceId: model.resourceId, version: 1, checksum: checked.checksum },
        },
        t,
      );
    });
    return summary(model);
  }

  async saveVersion(id: string, input: NewVersion, actor: Actor): Promise<VersionRecord> {
    const { store, clock } = this.deps;
    const current = await store.model(id);
    if (!current) throw modelNotFound(id);
    const checked = await checkContent(id, current.kind, input.content);
    return store.transaction(async (t) => {
      const model = await store.model(id, t);
      if (!model) throw modelNotFound(id);
      const latest = await store.version(id, model.latestVersion, t);
      if (latest?.checksum === checked.checksum)
        throw new RepositoryError(
          'UNCHANGED',
          `The content is the same as version ${model.latestVersion}: nothing to save`,
          [{ field: 'body.content', message: 'unchanged' }],
        );
      const changed = { ...model, resourceId: checked.resourceId, resourceIds: checked.resourceIds };
      await this.checkResourceFree(changed, t);
      const now = clock.now();
      const version: VersionRecord = {
        modelId: id,
        version: model.latestVersion + 1,
        content: input.content,
        checksum: checked.checksum,
        author: actor.username,
        createdAt: now,
        comment: input.comment ?? null,
      };
      await store.insertVersion(version, t);
      await store.updateModel(
        { ...changed, latestVersion: version.version, updatedAt: now, updatedBy: actor.username },
        t,
      );
      await this.deps.audit.record(
        {
          actor: actor.username,
          source: actor.source,
          action: 'process-model.version',
          entityType: 'process-model',
          entityId: id,
          details: { version: version.version, checksum: version.checksum, comment: version.comment },
        },
        t,
      );
      return version;
    });
  }

  /** Two models deploying one process (or decision, or form) id would overwrite each other's versions. */
  private async checkResourceFree(model: ModelRecord, t: Parameters<RepositoryStore['model']>[1]) {
    const holder = await this.deps.store.holderOf(model.kind, model.resourceIds, model.id, t);
    if (holder)
      throw new RepositoryError(
        'RESOURCE_ID_TAKEN',
        `Model '${holder.id}' already deploys '${model.resourceIds.find((r) => holder.resourceIds.includes(r))}': change that model instead`,
        [{ field: 'body.content', message: `its id is the one model '${holder.id}' deploys` }],
      );
  }
}
