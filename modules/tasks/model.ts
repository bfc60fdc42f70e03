import { hkdfSync } from 'node:crypto';
import type { Sequelize, Transaction } from 'sequelize';
import { type DataKeys, seal, unseal } from '../audit/keys.ts';
import { personalFieldKind } from '../audit/personal-data.ts';
import { type Sql, sqlOf } from '../server/sql.ts';

export const TASK_STATES = ['CREATED', 'COMPLETING', 'COMPLETED', 'CANCELED'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** A task as the service sees it: variables in clear, masked only on the way out. */
export interface Task {
  key: string;
  state: TaskState;
  name: string;
  elementId: string;
  elementInstanceKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  processName: string | null;
  processVersion: number;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueAt: number | null;
  followUpAt: number | null;
  priority: number;
  formKey: string | null;
  formId: string | null;
  customHeaders: Record<string, string>;
  /** The user this task is kept from (four-eyes.ts): the maker of what it decides on. */
  fourEyesUser: string | null;
  variables: Record<string, unknown>;
  tenantId: string;
  createdAt: number;
  updatedAt: number;
  claimedAt: number | null;
  completedAt: number | null;
  completedBy: string | null;
  canceledAt: number | null;
}

/** What an activated job says about its task (re-activation refreshes these). */
export type ActivatedTask = Omit<
  Task,
  'state' | 'createdAt' | 'updatedAt' | 'claimedAt' | 'completedAt' | 'completedBy' | 'canceledAt'
>;

interface TaskRow {
  job_key: string;
  state: TaskState;
  process_instance_key: string;
  process_definition_key: string;
  bpmn_process_id: string;
  process_name: string | null;
  process_version: number | string;
  element_id: string;
  element_instance_key: string;
  name: string;
  assignee: string | null;
  candidate_groups: string;
  candidate_users: string;
  due_at: number | string | null;
  follow_up_at: number | string | null;
  priority: number | string;
  form_key: string | null;
  form_id: string | null;
  custom_headers: string;
  four_eyes_user: string | null;
  variables_sealed: string | null;
  tenant_id: string;
  created_at: number | string;
  updated_at: number | string;
  claimed_at: number | string | null;
  completed_at: number | string | null;
  completed_by: string | null;
  canceled_at: number | string | null;
}

export interface OpenTask {
  key: string;
  elementInstanceKey: string;
  state: TaskState;
  completingAt: number | null;
  completion: Record<string, unknown> | null;
}

/** The SQL of a list: conditions joined by AND, with their parameters. */
export interface ListSql {
  where: string[];
  params: Record<string, unknown>;
  orderBy: string[];
  limit: number;
  offset: number;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));
const MAX_INDEXED = 191;

/**
 * The tasks table. Every change of a task's state is one guarded UPDATE, so concurrent
 * requests on several replicas settle in the database: exactly one claim wins.
 */
export class TaskStore {
  readonly sql: Sql;
  readonly #key: Buffer;
  readonly #insert: string;

  constructor(
    readonly sequelize: Sequelize,
    dataKeys: DataKeys,
  ) {
    this.sql = sqlOf(sequelize);
    // Task variables may carry personal data: sealed under a key of their own, from DATA_KEY's.
    this.#key = Buffer.from(hkdfSync('sha256', dataKeys.wrap, Buffer.alloc(0), 'bpm-crm/task-variables', 32));
    this.#insert = sequelize.getDialect() === 'sqlite' ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
  }

  /**
   * Stores an activated job as its task: a new row, or — the same job activated again — the
   * refreshed variables of the existing one, keeping who holds it. Returns whether it was new.
   */
  async saveActivated(task: ActivatedTask, now: number): Promise<boolean> {
    const sealed = this.seal(task.key, 'variables', task.variables);
    return this.sequelize.transaction(async (transaction) => {
      const params = {
        key: task.key,
        instance: task.processInstanceKey,
        definition: task.processDefinitionKey,
        processId: task.bpmnProcessId.slice(0, 255),
        processName: task.processName?.slice(0, 255) ?? null,
        version: task.processVersion,
        elementId: task.elementId.slice(0, 255),
        elementInstance: task.elementInstanceKey,
        name: task.name.slice(0, 255),
        assignee: task.assignee?.slice(0, 100) ?? null,
        groups: JSON.stringify(task.candidateGroups),
        users: JSON.stringify(task.candidateUsers),
        dueAt: task.dueAt,
        followUpAt: task.followUpAt,
        priority: task.priority,
        // Longer than a column: MySQL's INSERT IGNORE would cut it silently; here it is explicit.
        formKey: task.formKey?.slice(0, 255) ?? null,
        formId: task.formId?.slice(0, 255) ?? null,
        headers: JSON.stringify(task.customHeaders),
        fourEyesUser: task.fourEyesUser,
        sealed,
        tenant: task.tenantId.slice(0, 64),
        now,
      };
      const { affected } = await this.sql.run(
        `${this.#insert} INTO tasks (job_key, state, process_instance_key, process_definition_key,
           bpmn_process_id, process_name, process_version, element_id, element_instance_key, name,
           assignee, candidate_groups, candidate_users, due_at, follow_up_at, priority, form_key,
           form_id, custom_headers, four_eyes_user, variables_sealed, tenant_id, created_at, updated_at)
         VALUES (:key, 'CREATED', :instance, :definition, :processId, :processName, :version,
           :elementId, :elementInstance, :name, :assignee, :groups, :users, :dueAt, :followUpAt,
           :priority, :formKey, :formId, :headers, :fourEyesUser, :sealed, :tenant, :now, :now)`,
        params,
        transaction,
      );
      if (affected === 1) {
        const candidates = [
          ...task.candidateGroups.map((name) => ({ kind: 'group', name })),
          ...task.candidateUsers.map((name) => ({ kind: 'user', name })),
        ];
        for (const c of candidates)
          await this.sql.run(
            `${this.#insert} INTO task_candidates (task_key, kind, name) VALUES (:key, :kind, :name)`,
            { key: task.key, kind: c.kind, name: c.name.slice(0, 100) },
            transaction,
          );
      } else {
        // Activated again (a timeout, another replica): same task. A task marked cancelled whose
        // job turns out to live is open again; one being completed stays so. (canceled_at is set
        // before state: MySQL's later assignments see the earlier ones.)
        const refreshed = await this.sql.run(
          `UPDATE tasks SET variables_sealed = :sealed, name = :name, process_name = :processName,
             form_id = COALESCE(:formId, form_id), four_eyes_user = :fourEyesUser, updated_at = :now,
             canceled_at = CASE WHEN state = 'CANCELED' THEN NULL ELSE canceled_at END,
             state = CASE WHEN state = 'CANCELED' THEN 'CREATED' ELSE state END
           WHERE job_key = :key AND state <> 'COMPLETED'`,
          params,
          transaction,
        );
        if (refreshed.affected === 0) return false;
        await this.sql.run('DELETE FROM task_variable_values WHERE task_key = :key', params, transaction);
      }
      for (const [name, value] of indexable(task.variables))
        await this.sql.run(
          'INSERT INTO task_variable_values (task_key, name, value) VALUES (:key, :name, :value)',
          { key: task.key, name, value },
          transaction,
        );
      return affected === 1;
    });
  }

  async find(key: string): Promise<Task | undefined> {
    const [row] = await this.sql.rows<TaskRow>('SELECT * FROM tasks WHERE job_key = :key', { key });
    return row && this.toTask(row);
  }

  async list(query: ListSql): Promise<{ items: Task[]; total: number }> {
    const where = query.where.length > 0 ? `WHERE ${query.where.join(' AND ')}` : '';
    const [count] = await this.sql.rows<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM tasks t ${where}`,
      query.params,
    );
    const rows = await this.sql.rows<TaskRow>(
      `SELECT t.* FROM tasks t ${where} ORDER BY ${query.orderBy.join(', ')} LIMIT :limit OFFSET :offset`,
      { ...query.params, limit: query.limit, offset: query.offset },
    );
    return { items: rows.map((row) => this.toTask(row)), total: Number(count?.n ?? 0) };
  }

  /** Takes an unassigned open task for `user`; false when someone else was first. */
  async claim(key: string, user: string, now: number): Promise<boolean> {
    const { affected } = await this.sql.run(
      `UPDATE tasks SET assignee = :user, claimed_at = :now, updated_at = :now
       WHERE job_key = :key AND state = 'CREATED' AND assignee IS NULL`,
      { key, user, now },
    );
    return affected === 1;
  }

  /** Sets the assignee of an open task, if it is still held by `from` (null: nobody). */
  async reassign(key: string, from: string | null, to: string | null, now: number): Promise<boolean> {
    const { affected } = await this.sql.run(
      `UPDATE tasks SET assignee = :to, claimed_at = :claimedAt, updated_at = :now
       WHERE job_key = :key AND state = 'CREATED' AND ${from === null ? 'assignee IS NULL' : 'assignee = :from'}`,
      { key, from, to, claimedAt: to === null ? null : now, now },
    );
    return affected === 1;
  }

  /** The assignee starts completing: no second completion, claim or cancellation gets in between. */
  async startCompleting(
    key: string,
    user: string,
    variables: Record<string, unknown>,
    now: number,
  ): Promise<boolean> {
    const { affected } = await this.sql.run(
      `UPDATE tasks SET state = 'COMPLETING', completing_at = :now, completion_sealed = :sealed, updated_at = :now
       WHERE job_key = :key AND state = 'CREATED' AND assignee = :user`,
      { key, user, now, sealed: this.seal(key, 'completion', variables) },
    );
    return affected === 1;
  }

  /** The engine took the completion: the task is done and its variables are dropped. */
  async completed(key: string, by: string | null, now: number): Promise<void> {
    await this.sequelize.transaction(async (transaction) => {
      await this.sql.run(
        `UPDATE tasks SET state = 'COMPLETED', completed_at = :now,
           completed_by = COALESCE(:by, assignee), variables_sealed = NULL, completion_sealed = NULL, updated_at = :now
         WHERE job_key = :key AND state IN ('CREATED', 'COMPLETING')`,
        { key, by, now },
        transaction,
      );
      await this.forget(key, transaction);
    });
  }

  /** The completion did not reach the engine: the task is open again, still the assignee's. */
  async completionFailed(key: string, now: number): Promise<void> {
    await this.sql.run(
      `UPDATE tasks SET state = 'CREATED', completing_at = NULL, completion_sealed = NULL, updated_at = :now
       WHERE job_key = :key AND state = 'COMPLETING'`,
      { key, now },
    );
  }

  /** The process cancelled the task: it leaves every list. */
  async canceled(key: string, now: number): Promise<boolean> {
    return this.sequelize.transaction(async (transaction) => {
      const { affected } = await this.sql.run(
        `UPDATE tasks SET state = 'CANCELED', canceled_at = :now, variables_sealed = NULL,
           completion_sealed = NULL, updated_at = :now
         WHERE job_key = :key AND state IN ('CREATED', 'COMPLETING')`,
        { key, now },
        transaction,
      );
      await this.forget(key, transaction);
      return affected === 1;
    });
  }

  /** Open tasks (and completions under way) after `after`, in key order: the renewal sweep. */
  async open(after: string, limit: number): Promise<OpenTask[]> {
    return this.openWhere('job_key > :after ORDER BY job_key LIMIT :limit', { after, limit });
  }

  /** The open tasks of these element instances. */
  async openAt(elementInstanceKeys: string[]): Promise<OpenTask[]> {
    if (elementInstanceKeys.length === 0) return [];
    return this.openWhere('element_instance_key IN (:keys)', { keys: elementInstanceKeys });
  }

  /** Completions under way since before `before` (platform clock): interrupted ones. */
  async completingSince(before: number): Promise<OpenTask[]> {
    return this.openWhere("state = 'COMPLETING' AND completing_at < :before", { before });
  }

  private async openWhere(condition: string, params: Record<string, unknown>): Promise<OpenTask[]> {
    const rows = await this.sql.rows<{
      job_key: string;
      element_instance_key: string;
      state: TaskState;
      completing_at: number | string | null;
      completion_sealed: string | null;
    }>(
      `SELECT job_key, element_instance_key, state, completing_at, completion_sealed FROM tasks
       WHERE state IN ('CREATED', 'COMPLETING') AND ${condition}`,
      params,
    );
    return rows.map((row) => ({
      key: String(row.job_key),
      elementInstanceKey: String(row.element_instance_key),
      state: row.state,
      completingAt: num(row.completing_at),
      completion: row.completion_sealed
        ? this.unsealed(String(row.job_key), 'completion', row.completion_sealed)
        : null,
    }));
  }

  private async forget(key: string, transaction: Transaction): Promise<void> {
    await this.sql.run('DELETE FROM task_variable_values WHERE task_key = :key', { key }, transaction);
  }

  private seal(key: string, what: string, value: Record<string, unknown>): string {
    return seal(this.#key, JSON.stringify(value), `task:${what}:${key}`);
  }

  private unsealed(key: string, what: string, sealed: string): Record<string, unknown> {
    return JSON.parse(unseal(this.#key, sealed, `task:${what}:${key}`).toString('utf8'));
  }

  private toTask(row: TaskRow): Task {
    const key = String(row.job_key);
    return {
      key,
      state: row.state,
      name: row.name,
      elementId: row.element_id,
      elementInstanceKey: String(row.element_instance_key),
      processInstanceKey: String(row.process_instance_key),
      processDefinitionKey: String(row.process_definition_key),
      bpmnProcessId: row.bpmn_process_id,
      processName: row.process_name,
      processVersion: Number(row.process_version),
      assignee: row.assignee,
      candidateGroups: JSON.parse(row.candidate_groups),
      candidateUsers: JSON.parse(row.candidate_users),
      dueAt: num(row.due_at),
      followUpAt: num(row.follow_up_at),
      priority: Number(row.priority),
      formKey: row.form_key,
      formId: row.form_id,
      customHeaders: JSON.parse(row.custom_headers),
      fourEyesUser: row.four_eyes_user ?? null,
      variables: row.variables_sealed ? this.unsealed(key, 'variables', row.variables_sealed) : {},
      tenantId: row.tenant_id,
      createdAt: Number(row.created_at),
      updatedAt: Number(row.updated_at),
      claimedAt: num(row.claimed_at),
      completedAt: num(row.completed_at),
      completedBy: row.completed_by,
      canceledAt: num(row.canceled_at),
    };
  }
}

/**
 * The business variables a list can be filtered on: top-level scalars, as text (`HIGH`,
 * `250000`, `true`). Personal fields are left out, so no one can find a masked value by
 * filtering for guesses.
 */
export function indexable(variables: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(variables)) {
    if (name.length > 100 || personalFieldKind(name)) continue;
    const text = indexText(value);
    if (text !== undefined && text.length <= MAX_INDEXED) out.push([name, text]);
  }
  return out;
}

export function indexText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}
