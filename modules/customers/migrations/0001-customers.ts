import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.STRING(36), primaryKey: true, allowNull: false };
const sealed = { type: DataTypes.STRING(400), allowNull: true };
const digest = { type: DataTypes.STRING(32), allowNull: true };

/**
 * Customer 360. NIK, phone, e-mail and account numbers are stored sealed with the customer's
 * own key (audit_subject_keys) beside a blind index (a keyed digest) for exact search. Names
 * are searched by word prefix through customer_name_words. Consents keep their full history
 * and a current state per channel and purpose.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('customers', {
    id,
    cif: { type: DataTypes.STRING(20), allowNull: false, unique: true },
    full_name: { type: DataTypes.STRING(200), allowNull: false },
    birth_date: { type: DataTypes.STRING(10), allowNull: true },
    gender: { type: DataTypes.STRING(1), allowNull: true },
    city: { type: DataTypes.STRING(100), allowNull: true },
    occupation: { type: DataTypes.STRING(100), allowNull: true },
    monthly_income: { type: DataTypes.BIGINT, allowNull: true },
    segment: { type: DataTypes.STRING(20), allowNull: false },
    branch_code: { type: DataTypes.STRING(20), allowNull: false },
    rm_username: { type: DataTypes.STRING(100), allowNull: true },
    kyc_status: { type: DataTypes.STRING(20), allowNull: false },
    risk_level: { type: DataTypes.STRING(10), allowNull: true },
    nik_sealed: sealed,
    nik_index: digest,
    phone_sealed: sealed,
    phone_index: digest,
    email_sealed: sealed,
    email_index: digest,
    created_at: { type: DataTypes.BIGINT, allowNull: false },
    updated_at: { type: DataTypes.BIGINT, allowNull: false },
    closed_at: { type: DataTypes.BIGINT, allowNull: true },
    erased_at: { type: DataTypes.BIGINT, allowNull: true },
  });
  await qi.addIndex('customers', ['nik_index'], { unique: true, name: 'customers_nik_index' });
  await qi.addIndex('customers', ['phone_index'], { name: 'customers_phone_index' });
  await qi.addIndex('customers', ['email_index'], { name: 'customers_email_index' });
  await qi.addIndex('customers', ['branch_code', 'full_name'], { name: 'customers_branch' });
  await qi.addIndex('customers', ['rm_username', 'full_name'], { name: 'customers_rm' });
  await qi.addIndex('customers', ['closed_at'], { name: 'customers_closed' });

  // Counters handed out under a row lock: the next CIF number.
  await qi.createTable('customer_counters', {
    name: { type: DataTypes.STRING(20), primaryKey: true, allowNull: false },
    value: { type: DataTypes.BIGINT, allowNull: false },
  });
  await qi.bulkInsert('customer_counters', [{ name: 'cif', value: 0 }]);

  await qi.createTable('customer_name_words', {
    // Binary collation: prefix ranges compare bytes (A–Z0–9 only), the same on both databases.
    word: { type: DataTypes.STRING(60).BINARY, primaryKey: true, allowNull: false },
    customer_id: { ...id },
  });
  await qi.addIndex('customer_name_words', ['customer_id'], { name: 'customer_name_words_customer' });

  await qi.createTable('customer_products', {
    id,
    customer_id: { type: DataTypes.STRING(36), allowNull: false },
    kind: { type: DataTypes.STRING(20), allowNull: false },
    product_name: { type: DataTypes.STRING(100), allowNull: false },
    account_sealed: sealed,
    account_index: digest,
    status: { type: DataTypes.STRING(10), allowNull: false },
    balance: { type: DataTypes.BIGINT, allowNull: true },
    opened_at: { type: DataTypes.BIGINT, allowNull: false },
    closed_at: { type: DataTypes.BIGINT, allowNull: true },
  });
  await qi.addIndex('customer_products', ['customer_id'], { name: 'customer_products_customer' });
  await qi.addIndex('customer_products', ['account_index'], { name: 'customer_products_account' });

  await qi.createTable('customer_consents', {
    id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true, allowNull: false },
    customer_id: { type: DataTypes.STRING(36), allowNull: false },
    channel: { type: DataTypes.STRING(20), allowNull: false },
    purpose: { type: DataTypes.STRING(30), allowNull: false },
    granted: { type: DataTypes.BOOLEAN, allowNull: false },
    source: { type: DataTypes.STRING(30), allowNull: false },
    recorded_by: { type: DataTypes.STRING(100), allowNull: false },
    recorded_at: { type: DataTypes.BIGINT, allowNull: false },
  });
  await qi.addIndex('customer_consents', ['customer_id', 'recorded_at'], {
    name: 'customer_consents_history',
  });
  await qi.createTable('customer_consent_state', {
    customer_id: { ...id },
    channel: { type: DataTypes.STRING(20), primaryKey: true, allowNull: false },
    purpose: { type: DataTypes.STRING(30), primaryKey: true, allowNull: false },
    granted: { type: DataTypes.BOOLEAN, allowNull: false },
    updated_at: { type: DataTypes.BIGINT, allowNull: false },
  });
  await qi.addIndex('customer_consent_state', ['channel', 'purpose', 'granted'], {
    name: 'customer_consent_state_audience',
  });

  await qi.createTable('customer_interactions', {
    id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true, allowNull: false },
    customer_id: { type: DataTypes.STRING(36), allowNull: false },
    at: { type: DataTypes.BIGINT, allowNull: false },
    channel: { type: DataTypes.STRING(20), allowNull: false },
    kind: { type: DataTypes.STRING(20), allowNull: false },
    summary: { type: DataTypes.STRING(1000), allowNull: false },
    ref_type: { type: DataTypes.STRING(30), allowNull: true },
    ref_id: { type: DataTypes.STRING(64), allowNull: true },
    actor: { type: DataTypes.STRING(100), allowNull: false },
  });
  await qi.addIndex('customer_interactions', ['customer_id', 'at', 'id'], {
    name: 'customer_interactions_timeline',
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of [
    'customer_interactions',
    'customer_consent_state',
    'customer_consents',
    'customer_products',
    'customer_name_words',
    'customer_counters',
    'customers',
  ])
    await qi.dropTable(table);
}
