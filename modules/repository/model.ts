import type { Sequelize, Transaction } from 'sequelize';
import { type Sql, sqlOf } from '../server/sql.ts';
import type { Kind, RequestState } from './schema.ts';

/** A model at its latest version, as the service sees it. */
export interface ModelRecord {
  id: string;
  name: string;
  kind: Kind;
  resourceId: string;
  /** DMN: every decision id; otherwise the one resource id. */
  resourceIds: string[];
  latestVersion: number;
  deployedVersion: number | null;
  shippedVersion: number | null;
  shippedChecksum: string | null;
  updatedAt: number;
  updatedBy: string;
}

export interface VersionRecord {
  modelId: string;
  version: number;
  content: string;
  checksum: string;
  author: string;
  createdAt: number;
  comment: string | null;
}

export interface RequestRecord {
  id: string;
  modelId: string;
  kind: Kind;
  version: number;
  requestedBy: string;
  requestedAt: number;
  comment: string | null;
  state: RequestState;
  decidedBy: string | null;
  decidedAt: number | null;
  decisionComment: string | null;
  deploymentKey: string | null;
  resourceKey: string | null;
  deployedVersion: number | null;
}

type Num = number | string;
type Nullable<T> = T | null;
interface ModelRow {
  id: string;
  name: string;
  kind: Kind;
  resource_id: string;
  resource_ids: string;
  latest_version: Num;
  deployed_version: Nullable<Num>;
  shipped_version: Nullable<Num>;
  shipped_checksum: string | null;
  updated_at: Num;
  updated_by: string;
}
interface VersionRow {
  model_id: string;
  version: Num;
  content: string;
  checksum: string;
  author: string;
  created_at: Num;
  comment: string | null;
}
interface RequestRow {
  id: string;
  model_id: string;
  kind: Kind;
  version: Num;
  requested_by: string;
  requested_at: Num;
  comment: string | null;
  state: RequestState;
  decided_by: string | null;
  decided_at: Nullable<Num>;
  decision_comment: string | null;
  deployment_key: string | null;
  resource_key: string | null;
  deployed_version: Nullable<Num>;
}

const num = (value: Nullable<Num>) => (value === null ? null : Number(value));

const toModel = (r: ModelRow): ModelRecord => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  resourceId: r.resource_id,
  resourceIds: r.resource_ids.split(',').filter(Boolean),
  latestVersion: Number(r.latest_version),
  deployedVersion: num(r.deployed_version),
  shippedVersion: num(r.shipped_version),
  shippedChecksum: r.shipped_checksum,
  updatedAt: Number(r.updated_at),
  updatedBy: r.updated_by,
});

const toVersion = (r: VersionRow): VersionRecord => ({
  modelId: r.model_id,
  version: Number(r.version),
  content: r.content,
  checksum: r.checksum,
  author: r.author,
  createdAt: Number(r.created_at),
  comment: r.comment,
});

const toRequest = (r: RequestRow): RequestRecord => ({
  id: r.id,
  modelId: r.model_id,
  kind: r.kind,
  version: Number(r.version),
  requestedBy: r.requested_by,
  requestedAt: Number(r.requested_at),
  comment: r.comment,
  state: r.state,
  decidedBy: r.decided_by,
  decidedAt: num(r.decided_at),
  decisionComment: r.decision_comment,
  deploymentKey: r.deployment_key,
  resourceKey: r.resource_key,
  deployedVersion: num(r.deployed_version),
});

const REQUEST_SELECT = `SELECT r.*, m.kind FROM repository_deploy_requests r
  JOIN repository_models m ON m.id = r.model_id`;

/** The repository's tables (migrations/0001): the only place that writes them. */
export class RepositoryStore {
  readonly sql: Sql;
  private readonly sqlite: boolean;

  constructor(sequelize: Sequelize) {
    this.sql = sqlOf(sequelize);
    this.sqlite = sequelize.getDialect() === 'sqlite';
  }

  transaction<T>(work: (t: Transaction) => Promise<T>): Promise<T> {
    return this.sql.transaction(work);
  }

  async models(t?: Transaction): Promise<ModelRecord[]> {
    const rows = await this.sql.rows<ModelRow>('SELECT * FROM repository_models ORDER BY id', {}, t);
    return rows.map(toModel);
  }

  async model(id: string, t?: Transaction): Promise<ModelRecord | undefined> {
    const [row] = await this.sql.rows<ModelRow>('SELECT * FROM repository_models WHERE id = :id', { id }, t);
    return row && toModel(row);
  }

  /** The model of this kind that deploys `resourceId`, other than `except`. */
  async holderOf(kind: Kind, resourceIds: string[], except: string, t?: Transaction) {
    const rows = await this.sql.rows<ModelRow>(
      'SELECT * FROM repository_models WHERE kind = :kind AND id <> :except',
      { kind, except },
      t,
    );
    return rows.map(toModel).find((m) => m.resourceIds.some((id) => resourceIds.includes(id)));
  }

  async insertModel(m: ModelRecord, createdBy: string, t: Transaction): Promise<void> {
    await this.sql.run(
      `INSERT INTO repository_models (id, name, kind, resource_id, resource_ids, latest_version,
         deployed_version, shipped_version, shipped_checksum, created_at, created_by, updated_at, updated_by)
       VALUES (:id, :name, :kind, :resourceId, :resourceIds, :latestVersion, :deployedVersion,
         :shippedVersion, :shippedChecksum, :updatedAt, :createdBy, :updatedAt, :updatedBy)`,
      { ...m, resourceIds: m.resourceIds.join(','), createdBy },
      t,
    );
  }

  async updateModel(m: ModelRecord, t: Transaction): Promise<void> {
    await this.sql.run(
      `UPDATE repository_models SET resource_id = :resourceId, resource_ids = :resourceIds,
         latest_version = :latestVersion, deployed_version = :deployedVersion, shipped_version = :shippedVersion,
         shipped_checksum = :shippedChecksum, updated_at = :updatedAt, updated_by = :updatedBy
       WHERE id = :id`,
      { ...m, resourceIds: m.resourceIds.join(',') },
      t,
    );
  }

  async setDeployedVersion(id: string, version: number, t: Transaction): Promise<void> {
    await this.sql.run(
      'UPDATE repository_models SET deployed_version = :version WHERE id = :id',
      { id, version },
      t,
    );
  }

  /** Every version of a model without its content, newest first. */
  async versions(modelId: string, t?: Transaction): Promise<Omit<VersionRecord, 'content'>[]> {
    const rows = await this.sql.rows<VersionRow>(
      `SELECT model_id, version, '' AS content, checksum, author, created_at, comment FROM repository_versions
       WHERE model_id = :modelId ORDER BY version DESC`,
      { modelId },
      t,
    );
    return rows.map(toVersion);
  }

  /** Version numbers and checksums of every model (matching running definitions to versions). */
  async checksums(): Promise<{ modelId: string; version: number; checksum: string }[]> {
    const rows = await this.sql.rows<VersionRow>(
      'SELECT model_id, version, checksum FROM repository_versions',
    );
    return rows.map((r) => ({ modelId: r.model_id, version: Number(r.version), checksum: r.checksum }));
  }

  async version(modelId: string, version: number, t?: Transaction): Promise<VersionRecord | undefined> {
    const [row] = await this.sql.rows<VersionRow>(
      'SELECT * FROM repository_versions WHERE model_id = :modelId AND version = :version',
      { modelId, version },
      t,
    );
    return row && toVersion(row);
  }

  async insertVersion(v: VersionRecord, t: Transaction): Promise<void> {
    await this.sql.run(
      `INSERT INTO repository_versions (model_id, version, content, checksum, author, created_at, comment)
       VALUES (:modelId, :version, :content, :checksum, :author, :createdAt, :comment)`,
      { ...v },
      t,
    );
  }

  async requests(
    filter: { state?: RequestState; modelId?: string },
    t?: Transaction,
  ): Promise<RequestRecord[]> {
    const rows = await this.sql.rows<RequestRow>(
      `${REQUEST_SELECT} WHERE (:state IS NULL OR r.state = :state) AND (:modelId IS NULL OR r.model_id = :modelId)
       ORDER BY r.requested_at DESC, r.id`,
      { state: filter.state ?? null, modelId: filter.modelId ?? null },
      t,
    );
    return rows.map(toRequest);
  }

  /** One request; `lock` holds its row (MySQL/MariaDB; SQLite's write transactions are serial). */
  async request(id: string, t?: Transaction, lock = false): Promise<RequestRecord | undefined> {
    const forUpdate = lock && t && !this.sqlite ? ' FOR UPDATE' : '';
    const [row] = await this.sql.rows<RequestRow>(
      `${REQUEST_SELECT} WHERE r.id = :id${forUpdate}`,
      { id },
      t,
    );
    return row && toRequest(row);
  }

  async insertRequest(r: Omit<RequestRecord, 'kind'>, t: Transaction): Promise<void> {
    await this.sql.run(
      `INSERT INTO repository_deploy_requests (id, model_id, version, requested_by, requested_at, comment, state,
         decided_by, decided_at, decision_comment, deployment_key, resource_key, deployed_version)
       VALUES (:id, :modelId, :version, :requestedBy, :requestedAt, :comment, :state, :decidedBy, :decidedAt,
         :decisionComment, :deploymentKey, :resourceKey, :deployedVersion)`,
      { ...r },
      t,
    );
  }

  /** Decides a pending request; false when it was decided meanwhile. */
  async decide(
    r: Pick<
      RequestRecord,
      | 'id'
      | 'state'
      | 'decidedBy'
      | 'decidedAt'
      | 'decisionComment'
      | 'deploymentKey'
      | 'resourceKey'
      | 'deployedVersion'
    >,
    t: Transaction,
  ): Promise<boolean> {
    const { affected } = await this.sql.run(
      `UPDATE repository_deploy_requests SET state = :state, decided_by = :decidedBy, decided_at = :decidedAt,
         decision_comment = :decisionComment, deployment_key = :deploymentKey, resource_key = :resourceKey,
         deployed_version = :deployedVersion
       WHERE id = :id AND state = 'pending'`,
      { ...r },
      t,
    );
    return affected === 1;
  }
}
