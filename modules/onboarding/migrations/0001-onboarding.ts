import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.STRING(36), primaryKey: true, allowNull: false };
const sealed = { type: DataTypes.STRING(600), allowNull: true };
const digest = { type: DataTypes.STRING(32), allowNull: true };
const when = { type: DataTypes.BIGINT, allowNull: true };
const who = { type: DataTypes.STRING(100), allowNull: true };
const text = { type: DataTypes.TEXT, allowNull: true };

/**
 * Onboarding applications (KYC). The applicant's NIK, phone, e-mail, address and the account
 * number are sealed with the applicant's own key (audit_subject_keys, subject = application
 * id), the NIK beside the same blind index customers use, so a NIK already held by a customer
 * is found without decrypting. The checklist has a row per document; screening keeps every
 * hit with its scores; the watch list is compliance's.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('onboarding_applications', {
    id,
    reference: { type: DataTypes.STRING(30), allowNull: false, unique: true },
    status: { type: DataTypes.STRING(20), allowNull: false },
    full_name: { type: DataTypes.STRING(200), allowNull: false },
    birth_date: { type: DataTypes.STRING(10), allowNull: false },
    sex: { type: DataTypes.STRING(1), allowNull: false },
    birth_place: { type: DataTypes.STRING(100), allowNull: false },
    nik_sealed: sealed,
    nik_index: digest,
    phone_sealed: sealed,
    email_sealed: sealed,
    address_sealed: sealed,
    branch_code: { type: DataTypes.STRING(20), allowNull: false },
    product: { type: DataTypes.STRING(30), allowNull: false },
    occupation: { type: DataTypes.STRING(40), allowNull: false },
    source_of_funds: { type: DataTypes.STRING(40), allowNull: false },
    monthly_income: { type: DataTypes.BIGINT, allowNull: true },
    pep: { type: DataTypes.BOOLEAN, allowNull: false },
    consents: { type: DataTypes.TEXT, allowNull: false },
    kyc_result: text,
    kyc_checked_at: when,
    aml_best_score: { type: DataTypes.INTEGER, allowNull: true },
    aml_screened_at: when,
    risk_level: { type: DataTypes.STRING(10), allowNull: true },
    risk_score: { type: DataTypes.INTEGER, allowNull: true },
    review_decision: { type: DataTypes.STRING(10), allowNull: true },
    review_reason: text,
    reviewed_by: who,
    reviewed_at: when,
    refusal_reason_id: text,
    refusal_reason_en: text,
    refused_at: when,
    account_number_sealed: sealed,
    account_opened_at: when,
    core_banking_attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    core_banking_error: text,
    core_banking_failed_at: when,
    core_banking_incident: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    customer_id: { type: DataTypes.STRING(36), allowNull: true },
    rm_username: who,
    submitted_by: { type: DataTypes.STRING(100), allowNull: false },
    created_at: { type: DataTypes.BIGINT, allowNull: false },
    updated_at: { type: DataTypes.BIGINT, allowNull: false },
    completed_at: when,
  });
  await qi.addIndex('onboarding_applications', ['status', 'created_at'], { name: 'onboarding_status' });
  await qi.addIndex('onboarding_applications', ['branch_code', 'created_at'], { name: 'onboarding_branch' });
  await qi.addIndex('onboarding_applications', ['nik_index'], { name: 'onboarding_nik' });

  await qi.createTable('onboarding_documents', {
    application_id: { type: DataTypes.STRING(36), primaryKey: true, allowNull: false },
    kind: { type: DataTypes.STRING(30), primaryKey: true, allowNull: false },
    required: { type: DataTypes.BOOLEAN, allowNull: false },
    received_at: when,
    received_by: who,
    verified_at: when,
    verified_by: who,
    note: { type: DataTypes.STRING(500), allowNull: true },
  });

  await qi.createTable('onboarding_watchlist', {
    id,
    full_name: { type: DataTypes.STRING(200), allowNull: false },
    aliases: { type: DataTypes.TEXT, allowNull: false },
    birth_date: { type: DataTypes.STRING(10), allowNull: true },
    category: { type: DataTypes.STRING(20), allowNull: false },
    list_source: { type: DataTypes.STRING(100), allowNull: false },
    reference: { type: DataTypes.STRING(100), allowNull: true },
    notes: { type: DataTypes.STRING(1000), allowNull: true },
    demo: { type: DataTypes.BOOLEAN, allowNull: false },
    created_at: { type: DataTypes.BIGINT, allowNull: false },
    created_by: { type: DataTypes.STRING(100), allowNull: false },
    updated_at: { type: DataTypes.BIGINT, allowNull: false },
    updated_by: { type: DataTypes.STRING(100), allowNull: false },
    removed_at: when,
    removed_by: who,
  });
  await qi.addIndex('onboarding_watchlist', ['removed_at'], { name: 'onboarding_watchlist_active' });

  await qi.createTable('onboarding_screening_hits', {
    id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true, allowNull: false },
    application_id: { type: DataTypes.STRING(36), allowNull: false },
    entry_id: { type: DataTypes.STRING(36), allowNull: false },
    listed_name: { type: DataTypes.STRING(200), allowNull: false },
    matched_name: { type: DataTypes.STRING(200), allowNull: false },
    category: { type: DataTypes.STRING(20), allowNull: false },
    list_source: { type: DataTypes.STRING(100), allowNull: false },
    name_score: { type: DataTypes.INTEGER, allowNull: false },
    birth_date_match: { type: DataTypes.BOOLEAN, allowNull: true },
    score: { type: DataTypes.INTEGER, allowNull: false },
    screened_at: { type: DataTypes.BIGINT, allowNull: false },
  });
  await qi.addIndex('onboarding_screening_hits', ['application_id'], { name: 'onboarding_hits_application' });

  await qi.createTable('onboarding_counters', {
    name: { type: DataTypes.STRING(30), primaryKey: true, allowNull: false },
    value: { type: DataTypes.BIGINT, allowNull: false },
  });
  await qi.bulkInsert('onboarding_counters', [{ name: 'application', value: 0 }]);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of [
    'onboarding_counters',
    'onboarding_screening_hits',
    'onboarding_watchlist',
    'onboarding_documents',
    'onboarding_applications',
  ])
    await qi.dropTable(table);
}
