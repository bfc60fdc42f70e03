import { DataTypes, type QueryInterface } from 'sequelize';

const modelId = { type: DataTypes.STRING(100), allowNull: false };
const instant = { type: DataTypes.BIGINT, allowNull: false };
const optionalInstant = { type: DataTypes.BIGINT, allowNull: true };
const user = { type: DataTypes.STRING(100), allowNull: false };
const optionalUser = { type: DataTypes.STRING(100), allowNull: true };
const comment = { type: DataTypes.STRING(1000), allowNull: true };

/**
 * The designer's repository: models (BPMN, DMN, forms) with every saved version, and the
 * requests to deploy a version, each decided by a second person (four eyes). `shipped_*`
 * remembers the last version that came from the platform's own `processes/` folder, so a
 * start-up adds a version only when that file changed.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  // MEDIUMTEXT on MySQL: a large BPMN with its diagram passes TEXT's 64 KB.
  const longText = qi.sequelize.getDialect() === 'sqlite' ? DataTypes.TEXT : DataTypes.TEXT('medium');
  await qi.createTable('repository_models', {
    id: { ...modelId, primaryKey: true },
    name: { type: DataTypes.STRING(100), allowNull: false },
    kind: { type: DataTypes.STRING(10), allowNull: false },
    resource_id: { type: DataTypes.STRING(255), allowNull: false },
    // DMN: every decision id of the latest version, comma-separated (resource_id is the first).
    resource_ids: { type: DataTypes.STRING(2000), allowNull: false },
    latest_version: { type: DataTypes.INTEGER, allowNull: false },
    deployed_version: { type: DataTypes.INTEGER, allowNull: true },
    shipped_version: { type: DataTypes.INTEGER, allowNull: true },
    shipped_checksum: { type: DataTypes.STRING(64), allowNull: true },
    created_at: instant,
    created_by: user,
    updated_at: instant,
    updated_by: user,
  });
  await qi.addIndex('repository_models', ['kind', 'resource_id'], { name: 'repository_models_resource' });

  await qi.createTable('repository_versions', {
    model_id: { ...modelId, primaryKey: true },
    version: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
    content: { type: longText, allowNull: false },
    checksum: { type: DataTypes.STRING(64), allowNull: false },
    author: user,
    created_at: instant,
    comment,
  });

  await qi.createTable('repository_deploy_requests', {
    id: { type: DataTypes.STRING(36), primaryKey: true, allowNull: false },
    model_id: modelId,
    version: { type: DataTypes.INTEGER, allowNull: false },
    requested_by: user,
    requested_at: instant,
    comment,
    state: { type: DataTypes.STRING(10), allowNull: false },
    // Who approved (deployed) or rejected it, when, and why.
    decided_by: optionalUser,
    decided_at: optionalInstant,
    decision_comment: comment,
    deployment_key: { type: DataTypes.STRING(24), allowNull: true },
    // The process definition, decision requirements or form key the engine gave the resource.
    resource_key: { type: DataTypes.STRING(24), allowNull: true },
    deployed_version: { type: DataTypes.INTEGER, allowNull: true },
  });
  await qi.addIndex('repository_deploy_requests', ['state', 'requested_at'], {
    name: 'repository_deploy_requests_state',
  });
  await qi.addIndex('repository_deploy_requests', ['model_id', 'version'], {
    name: 'repository_deploy_requests_model',
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('repository_deploy_requests');
  await qi.dropTable('repository_versions');
  await qi.dropTable('repository_models');
}
