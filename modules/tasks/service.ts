import type { Clock } from '../../engine/index.ts';
import type { AuditLog } from '../audit/index.ts';
import { maskPersonalFields, maskValue, personalFieldKind, seesClear } from '../audit/personal-data.ts';
import type { Accounts } from '../identity/accounts.ts';
import { allows } from '../identity/roles.ts';
import { ServerError } from '../server/errors.ts';
import type { TaskEngine, TaskForm } from './engine.ts';
import { TasksError, taskNotFound } from './errors.ts';
import { checkAgainstForm } from './form-validation.ts';
import { checkFourEyes, withCompletedBy } from './four-eyes.ts';
import type { LifecycleTiming } from './lifecycle.ts';
import { type ListView, listSql } from './lists.ts';
import type { Task, TaskStore } from './model.ts';
import type { AllTasksQuery } from './schema.ts';

/** Who is asking, and what they may do with tasks. */
export interface Worker {
  username: string;
  roles: string[];
  /** Candidate groups name roles (`backoffice`) or a branch (`MDN-KC`). */
  groups: string[];
  /** A supervisor: sees every task and assigns them (tasks.assign). */
  supervises: boolean;
  source: string | null;
}

interface Deps {
  store: TaskStore;
  engine: TaskEngine;
  clock: Clock;
  audit: AuditLog;
  accounts: Accounts;
  timing: LifecycleTiming;
}

/** The task list: lists, claims and assignments, completion through the task's form. */
export class TaskService {
  constructor(readonly deps: Deps) {}

  async list(view: ListView, query: AllTasksQuery, worker: Worker) {
    const { items, total } = await this.deps.store.list(listSql(view, query, worker));
    return { items, page: { total, limit: query.limit, offset: query.offset } };
  }

  /** The open tasks of a process instance: for a module that completes one on a person's behalf. */
  async openTasksOf(processInstanceKey: string): Promise<Task[]> {
    const { items } = await this.deps.store.list({
      where: ["t.state = 'CREATED'", 't.process_instance_key = :instance'],
      params: { instance: processInstanceKey },
      orderBy: ['t.created_at ASC', 't.job_key ASC'],
      limit: 50,
      offset: 0,
    });
    return items;
  }

  /** A task the worker may see: theirs, one they are a candidate for, an open one, or any for a supervisor. */
  async visible(rawKey: string, worker: Worker): Promise<Task> {
    const key = parseKey(rawKey);
    const task = await this.deps.store.find(key);
    if (!task || !canSee(task, worker)) throw taskNotFound(key);
    return task;
  }

  async claim(rawKey: string, worker: Worker): Promise<Task> {
    const task = await this.open(rawKey, worker);
    checkFourEyes(task, worker.username, 'claim');
    if (task.assignee === worker.username) return task;
    if (task.assignee !== null) throw claimedBy(task.assignee);
    if (!worker.supervises && !isCandidate(task, worker) && hasCandidates(task))
      throw new TasksError('NOT_A_CANDIDATE', `Task ${task.key} is for ${candidatesOf(task)}, not for you`);
    await this.ensureAlive(task);
    if (!(await this.deps.store.claim(task.key, worker.username, this.deps.clock.now()))) {
      const now = await this.open(task.key, worker);
      if (now.assignee !== worker.username) throw claimedBy(now.assignee ?? 'someone else');
    }
    await this.record(worker, 'task.claim', task, { to: worker.username });
    return this.reload(task.key);
  }

  async unclaim(rawKey: string, worker: Worker): Promise<Task> {
    const task = await this.open(rawKey, worker);
    if (task.assignee === null) return task;
    if (task.assignee !== worker.username && !worker.supervises)
      throw new TasksError(
        'TASK_NOT_ASSIGNED_TO_YOU',
        `Task ${task.key} is held by ${task.assignee}, not by you`,
      );
    await this.ensureAlive(task);
    if (!(await this.deps.store.reassign(task.key, task.assignee, null, this.deps.clock.now())))
      throw changedMeanwhile(task.key);
    await this.record(worker, 'task.unclaim', task, { from: task.assignee });
    return this.reload(task.key);
  }

  /** A supervisor gives the task to someone (or to nobody). */
  async assign(rawKey: string, assignee: string | null, worker: Worker): Promise<Task> {
    const task = await this.open(rawKey, worker);
    if (assignee !== null) {
      checkFourEyes(task, assignee, 'be assigned');
      const account = await this.deps.accounts.find(assignee);
      if (!account || account.disabledAt !== null || !allows(account.roles, 'tasks.work'))
        throw new TasksError('INVALID_ASSIGNEE', `'${assignee}' is not a user who works tasks`, [
          { field: 'body.assignee', message: 'no such user, disabled, or without tasks.work' },
        ]);
    }
    if (task.assignee === assignee) return task;
    await this.ensureAlive(task);
    if (!(await this.deps.store.reassign(task.key, task.assignee, assignee, this.deps.clock.now())))
      throw changedMeanwhile(task.key);
    await this.record(worker, 'task.assign', task, { from: task.assignee, to: assignee });
    return this.reload(task.key);
  }

  /** The task's form (form-js schema), for rendering. */
  async form(rawKey: string, worker: Worker): Promise<TaskForm> {
    const task = await this.visible(rawKey, worker);
    if (!task.formKey) throw new TasksError('NO_FORM', `Task ${task.key} (${task.name}) has no form`);
    return this.formOf(task);
  }

  /**
   * Completes the task with variables checked against its form: the assignee only, once the
   * engine confirms the job still exists; the job is completed with what the form takes.
   */
  async complete(rawKey: string, submitted: Record<string, unknown>, worker: Worker): Promise<Task> {
    const task = await this.open(rawKey, worker);
    checkFourEyes(task, worker.username, 'complete');
    if (task.assignee !== worker.username)
      throw new TasksError(
        'TASK_NOT_ASSIGNED_TO_YOU',
        task.assignee
          ? `Task ${task.key} is held by ${task.assignee}: only they complete it`
          : `Claim task ${task.key} before completing it`,
      );
    await this.ensureAlive(task);
    const variables = withCompletedBy(
      task.customHeaders,
      await this.checked(task, withoutMaskedEchoes(submitted, task.variables, worker.roles)),
      worker.username,
    );
    const { store, engine, clock } = this.deps;
    if (!(await store.startCompleting(task.key, worker.username, variables, clock.now()))) {
      await this.open(task.key, worker);
      throw changedMeanwhile(task.key);
    }
    let outcome: 'completed' | 'gone';
    try {
      outcome = await engine.complete(task.key, variables);
    } catch (error) {
      await store.completionFailed(task.key, clock.now());
      throw error;
    }
    if (outcome === 'gone') {
      await store.canceled(task.key, clock.now());
      throw cancelled(task);
    }
    await store.completed(task.key, worker.username, clock.now());
    await this.record(worker, 'task.complete', task, { variables: Object.keys(variables).sort() });
    return this.reload(task.key);
  }

  /** The masked view of a task for these roles. */
  present(task: Task, roles: readonly string[]) {
    const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
    return {
      key: task.key,
      state: task.state,
      name: task.name,
      elementId: task.elementId,
      processInstanceKey: task.processInstanceKey,
      processDefinitionKey: task.processDefinitionKey,
      bpmnProcessId: task.bpmnProcessId,
      processName: task.processName,
      processVersion: task.processVersion,
      assignee: task.assignee,
      candidateGroups: task.candidateGroups,
      candidateUsers: task.candidateUsers,
      dueDate: iso(task.dueAt),
      followUpDate: iso(task.followUpAt),
      priority: task.priority,
      formKey: task.formKey,
      formId: task.formId,
      variables: maskPersonalFields(task.variables, roles),
      createdAt: new Date(task.createdAt).toISOString(),
      claimedAt: iso(task.claimedAt),
      completedAt: iso(task.completedAt),
      completedBy: task.completedBy,
      canceledAt: iso(task.canceledAt),
    };
  }

  private async open(rawKey: string, worker: Worker): Promise<Task> {
    const task = await this.visible(rawKey, worker);
    if (task.state === 'CANCELED') throw cancelled(task);
    if (task.state !== 'CREATED')
      throw new TasksError('TASK_COMPLETED', `Task ${task.key} (${task.name}) is already completed`);
    return task;
  }

  /** Asks the engine before acting: a job that is gone means the process cancelled the task. */
  private async ensureAlive(task: Task): Promise<void> {
    const state = await this.deps.engine.renew(task.key, this.deps.timing.taskTimeoutMs);
    if (state === 'alive') return;
    await this.deps.store.canceled(task.key, this.deps.clock.now());
    throw cancelled(task);
  }

  private async formOf(task: Task): Promise<TaskForm> {
    const formKey = task.formKey as string;
    const form = await this.deps.engine.form(formKey, task.bpmnProcessId, task.processDefinitionKey);
    if (form) return form;
    const name = task.formId ? `'${task.formId}' (form key ${formKey})` : `'${formKey}'`;
    const linked = /^\d+$/.test(formKey);
    throw new TasksError(
      'FORM_NOT_FOUND',
      linked && !this.deps.engine.readsLinkedForms
        ? `The form ${name} of task ${task.key} (${task.name}) was deployed to the Camunda 8 cluster by ` +
            'another tool, and the cluster does not give forms back over gRPC, so what is submitted cannot ' +
            'be checked: ship the form in processes/, which the platform deploys itself'
        : `The form ${name} of task ${task.key} (${task.name}) is not deployed or cannot be read, so what ` +
            'is submitted cannot be checked: deploy the form, then complete the task',
    );
  }

  private async checked(task: Task, submitted: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (!task.formKey) return submitted;
    const form = await this.formOf(task);
    const { variables, errors } = checkAgainstForm(form.schema, submitted, task.variables, form.formId);
    if (errors.length > 0)
      throw new TasksError(
        'INVALID_VARIABLES',
        `The variables do not fit the form '${form.formId}': ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
        errors,
      );
    return variables;
  }

  private async reload(key: string): Promise<Task> {
    return (await this.deps.store.find(key)) as Task;
  }

  private record(worker: Worker, action: string, task: Task, details: Record<string, unknown>) {
    return this.deps.audit.record({
      actor: worker.username,
      source: worker.source,
      action,
      entityType: 'task',
      entityId: task.key,
      details: { processInstanceKey: task.processInstanceKey, elementId: task.elementId, ...details },
    });
  }
}

export function parseKey(raw: string): string {
  if (/^\d{1,19}$/.test(raw)) return raw;
  throw new ServerError(
    'VALIDATION_FAILED',
    `The request is not valid: path.key: '${raw}' is not a task key`,
    [{ field: 'path.key', message: 'a task key is a number' }],
  );
}

const hasCandidates = (task: Task) => task.candidateGroups.length + task.candidateUsers.length > 0;

function isCandidate(task: Task, worker: Worker): boolean {
  return (
    task.candidateUsers.includes(worker.username) ||
    task.candidateGroups.some((g) => worker.groups.includes(g))
  );
}

function canSee(task: Task, worker: Worker): boolean {
  return (
    worker.supervises ||
    task.assignee === worker.username ||
    task.completedBy === worker.username ||
    isCandidate(task, worker) ||
    !hasCandidates(task)
  );
}

function candidatesOf(task: Task): string {
  return [...task.candidateGroups.map((g) => `group ${g}`), ...task.candidateUsers].join(', ');
}

/**
 * A masked personal value sent back unchanged (a form shows what the role may see) is not a
 * new value: dropped, so it never overwrites the real one.
 */
function withoutMaskedEchoes(
  submitted: Record<string, unknown>,
  current: Record<string, unknown>,
  roles: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(submitted)) {
    const kind = personalFieldKind(name);
    const was = current[name];
    const echo =
      kind !== undefined &&
      !seesClear(roles, kind) &&
      (typeof was === 'string' || typeof was === 'number') &&
      value === maskValue(kind, String(was));
    if (!echo) out[name] = value;
  }
  return out;
}

const claimedBy = (assignee: string) =>
  new TasksError('TASK_ALREADY_CLAIMED', `The task is already assigned to ${assignee}`);
const changedMeanwhile = (key: string) =>
  new TasksError('TASK_ALREADY_CLAIMED', `Task ${key} changed meanwhile: reload it and try again`);
const cancelled = (task: Task) =>
  new TasksError(
    'TASK_CANCELED',
    `Task ${task.key} (${task.name}) was cancelled by its process (an event interrupted it, or the instance was cancelled)`,
  );
