import type { EngineStore, StoreTransaction } from './store.ts';

/** One version of a deployed form (a form-js schema, kept as deployed). */
export interface FormRow {
  key: string;
  formId: string;
  version: number;
  resourceName: string;
  checksum: string;
  deploymentKey: string;
  /** The form-js JSON text. */
  resource: string;
  createdAt: number;
}

interface FormRecord {
  form_key: unknown;
  form_id: string;
  version: unknown;
  resource_name: string;
  checksum: string;
  deployment_key: unknown;
  resource: string;
  created_at: unknown;
}

/** The latest version of a form: what a linked form (`zeebe:formDefinition formId`) resolves to. */
export async function latestFormById(tx: StoreTransaction, formId: string): Promise<FormRow | undefined> {
  const [row] = await tx.all<FormRecord>(
    'SELECT * FROM engine_forms WHERE form_id = ? ORDER BY version DESC LIMIT 1',
    [formId],
  );
  return row && toForm(row);
}

/** The form a user task job names in its `io.camunda.zeebe:formKey` header. */
export async function formByKey(tx: StoreTransaction, formKey: string): Promise<FormRow | undefined> {
  if (!/^\d+$/.test(formKey)) return undefined;
  const [row] = await tx.all<FormRecord>('SELECT * FROM engine_forms WHERE form_key = ?', [formKey]);
  return row && toForm(row);
}

/** For readers outside the engine (the task list): a form by key, or the latest by id. */
export function readForm(
  store: EngineStore,
  by: { formKey: string } | { formId: string },
): Promise<FormRow | undefined> {
  return store.transaction((tx) =>
    'formKey' in by ? formByKey(tx, by.formKey) : latestFormById(tx, by.formId),
  );
}

export async function insertForm(tx: StoreTransaction, f: FormRow): Promise<void> {
  await tx.run(
    `INSERT INTO engine_forms
       (form_key, form_id, version, resource_name, checksum, deployment_key, resource, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [f.key, f.formId, f.version, f.resourceName, f.checksum, f.deploymentKey, f.resource, f.createdAt],
  );
}

function toForm(row: FormRecord): FormRow {
  return {
    key: String(row.form_key),
    formId: row.form_id,
    version: Number(row.version),
    resourceName: row.resource_name,
    checksum: row.checksum,
    deploymentKey: String(row.deployment_key),
    resource: row.resource,
    createdAt: Number(row.created_at),
  };
}
