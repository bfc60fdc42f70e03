import { FIRST_KEY_OF_PARTITION_1 } from '../../engine/embedded/store/keys.ts';
import type { SqlValue } from '../../engine/embedded/store/store.ts';
import { completion, JOB_TYPES, PROCESS_ID, startVariables } from './reference-process.ts';

export interface Statement {
  sql: string;
  params: SqlValue[];
  /** A SELECT (rows are read), not a write. */
  read: boolean;
}

/** One engine command: the statements of one transaction, in the engine's order. */
export type Command = Statement[];

const KEY_BLOCK = 1000n;
const JOB_TIMEOUT_MS = 60_000;
const WORKER_BATCH = 32;

const SQL = {
  latestDefinition:
    'SELECT definition_key FROM engine_process_definitions WHERE bpmn_process_id = ? ORDER BY version DESC LIMIT 1',
  definition: 'SELECT * FROM engine_process_definitions WHERE definition_key = ?',
  insertProcess: `INSERT INTO engine_process_instances (instance_key, definition_key, bpmn_process_id, version, state, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
  process: 'SELECT * FROM engine_process_instances WHERE instance_key = ?',
  endProcess: 'UPDATE engine_process_instances SET state = ?, ended_at = ? WHERE instance_key = ?',
  callLink: 'SELECT * FROM engine_call_links WHERE child_instance_key = ?',
  locals: 'SELECT name, value FROM engine_variables WHERE scope_key = ?',
  insertVariable:
    'INSERT INTO engine_variables (scope_key, name, value, process_instance_key, variable_key) VALUES (?, ?, ?, ?, ?)',
  insertElement: `INSERT INTO engine_element_instances
         (element_instance_key, process_instance_key, flow_scope_key, element_id, element_type, state, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
  element: 'SELECT * FROM engine_element_instances WHERE element_instance_key = ?',
  endElement: 'UPDATE engine_element_instances SET state = ?, ended_at = ? WHERE element_instance_key = ?',
  activeChildren:
    "SELECT * FROM engine_element_instances WHERE flow_scope_key = ? AND state IN ('ACTIVE', 'COMPLETING')",
  insertJob: `INSERT INTO engine_jobs (job_key, type, state, retries, worker, deadline, element_instance_key,
         process_instance_key, definition_key, bpmn_process_id, version, element_id, custom_headers, error_message, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  job: 'SELECT * FROM engine_jobs WHERE job_key = ?',
  activatable: `SELECT * FROM engine_jobs
       WHERE type = ? AND (state = 'ACTIVATABLE'
         OR (state IN ('ACTIVATED', 'FAILED') AND retries > 0 AND deadline >= 0 AND deadline <= ?))
       ORDER BY job_key LIMIT ${WORKER_BATCH}`,
  activateJob: 'UPDATE engine_jobs SET state = ?, deadline = ?, worker = ? WHERE job_key = ?',
  deleteJob: 'DELETE FROM engine_jobs WHERE job_key = ?',
};

const COUNTER = {
  sqlite: {
    read: 'SELECT next_key FROM engine_key_counter WHERE partition_id = 1',
    write: `INSERT INTO engine_key_counter (partition_id, next_key) VALUES (1, ?)
         ON CONFLICT (partition_id) DO UPDATE SET next_key = excluded.next_key`,
  },
  mysql: {
    read: 'SELECT next_key FROM engine_key_counter WHERE partition_id = 1 FOR UPDATE',
    write: `INSERT INTO engine_key_counter (partition_id, next_key) VALUES (1, ?)
         ON DUPLICATE KEY UPDATE next_key = VALUES(next_key)`,
  },
};

interface Running {
  index: number;
  key: string;
  amount: number;
  /** The element instance and job of the task the token waits in. */
  task?: { key: string; job: string; type: string };
}

/**
 * The statements the embedded engine runs for the reference process (read from
 * engine/embedded/runtime, elements and commands), command by command, with keys handed out
 * in blocks as the engine's KeyGenerator does. A group of `batch` instances moves together so
 * that one ActivateJobs command activates `batch` jobs, as the engine's workers see it.
 */
export class RawScript {
  #next = 0n;
  #end = 0n;
  readonly #counter: (typeof COUNTER)['sqlite'];

  constructor(
    dialect: 'sqlite' | 'mysql',
    readonly definitionKey: string,
    readonly version = 1,
  ) {
    this.#counter = COUNTER[dialect];
  }

  /** The commands that run `count` instances from `first` on to completion, in order. */
  group(first: number, count: number): Command[] {
    const running: Running[] = Array.from({ length: count }, (_, i) => ({
      index: first + i,
      key: '',
      amount: startVariables(first + i).amount,
    }));
    const commands: Command[] = running.map((instance) => this.#create(instance));
    for (const type of JOB_TYPES) {
      commands.push(this.#activate(type, running));
      for (const instance of running) commands.push(this.#complete(instance, type));
    }
    return commands;
  }

  #key(c: Command): string {
    if (this.#next >= this.#end) {
      // the first block went to the deployment (see raw-run.ts), as in the engine
      const start = this.#end === 0n ? FIRST_KEY_OF_PARTITION_1 + KEY_BLOCK : this.#end;
      c.push(read(this.#counter.read, []));
      c.push(write(this.#counter.write, [(start + KEY_BLOCK).toString()]));
      this.#next = start;
      this.#end = start + KEY_BLOCK;
    }
    return (this.#next++).toString();
  }

  #create(instance: Running): Command {
    const c: Command = [];
    const now = Date.now();
    c.push(read(SQL.latestDefinition, [PROCESS_ID]), read(SQL.definition, [this.definitionKey]));
    instance.key = this.#key(c);
    const pi = instance.key;
    c.push(write(SQL.insertProcess, [pi, this.definitionKey, PROCESS_ID, this.version, 'ACTIVE', now]));
    c.push(read(SQL.locals, [pi]));
    for (const [name, value] of Object.entries(startVariables(instance.index)))
      c.push(write(SQL.insertVariable, [pi, name, JSON.stringify(value), pi, this.#key(c)]));
    // start event: activate, pass through, take the flow to the first task
    const start = this.#key(c);
    c.push(write(SQL.insertElement, [start, pi, pi, 'start', 'startEvent', 'ACTIVE', now]));
    c.push(write(SQL.endElement, ['COMPLETED', now, start]));
    this.#activateTask(c, instance, 't1', JOB_TYPES[0], now);
    return c;
  }

  /** jobTask.activate: element row, visible variables, the process row, job row. */
  #activateTask(c: Command, instance: Running, elementId: string, type: string, now: number) {
    const pi = instance.key;
    const key = this.#key(c);
    c.push(write(SQL.insertElement, [key, pi, pi, elementId, 'serviceTask', 'ACTIVE', now]));
    c.push(read(SQL.locals, [pi]));
    c.push(read(SQL.process, [pi]));
    const job = this.#key(c);
    c.push(
      write(SQL.insertJob, [
        job,
        type,
        'ACTIVATABLE',
        3,
        '',
        -1,
        key,
        pi,
        this.definitionKey,
        PROCESS_ID,
        this.version,
        elementId,
        '{}',
        null,
        now,
      ]),
    );
    instance.task = { key, job, type };
  }

  /** ActivateJobs: one query, then per job an update, its element row and its variables. */
  #activate(type: string, running: Running[]): Command {
    const now = Date.now();
    const c: Command = [read(SQL.activatable, [type, now])];
    for (const { key: pi, task } of running) {
      if (!task) throw new Error('no task to activate');
      c.push(write(SQL.activateJob, ['ACTIVATED', now + JOB_TIMEOUT_MS, 'raw-worker', task.job]));
      c.push(read(SQL.element, [task.key]));
      c.push(read(SQL.locals, [pi]), read(SQL.locals, [task.key]));
    }
    return c;
  }

  /** CompleteJob: job row, delete, element row, propagating merge, then the next element. */
  #complete(instance: Running, type: string): Command {
    const task = instance.task;
    if (!task || task.type !== type) throw new Error(`instance ${instance.index} does not wait in ${type}`);
    const now = Date.now();
    const pi = instance.key;
    const c: Command = [read(SQL.job, [task.job]), write(SQL.deleteJob, [task.job])];
    c.push(read(SQL.element, [task.key]));
    c.push(read(SQL.locals, [task.key]), read(SQL.locals, [pi]));
    for (const [name, value] of Object.entries(completion(type, instance.amount)))
      c.push(write(SQL.insertVariable, [pi, name, JSON.stringify(value), pi, this.#key(c)]));
    c.push(write(SQL.endElement, ['COMPLETED', now, task.key]));
    const position = JOB_TYPES.indexOf(type as (typeof JOB_TYPES)[number]);
    const nextType = JOB_TYPES[position + 1];
    if (nextType) {
      this.#activateTask(c, instance, `t${position + 2}`, nextType, now);
      return c;
    }
    // exclusive gateway: reads the visible variables, takes one flow to an end event
    const gw = this.#key(c);
    c.push(write(SQL.insertElement, [gw, pi, pi, 'gw', 'exclusiveGateway', 'ACTIVE', now]));
    c.push(read(SQL.locals, [pi]), read(SQL.locals, [gw]));
    c.push(write(SQL.endElement, ['COMPLETED', now, gw]));
    const end = this.#key(c);
    const endId = instance.amount * 2 + 1 > 100 ? 'end_high' : 'end_low';
    c.push(write(SQL.insertElement, [end, pi, pi, endId, 'endEvent', 'ACTIVE', now]));
    c.push(write(SQL.endElement, ['COMPLETED', now, end]));
    // the process scope completes: no active children left
    c.push(read(SQL.activeChildren, [pi]), read(SQL.process, [pi]));
    c.push(write(SQL.endProcess, ['COMPLETED', now, pi]));
    c.push(read(SQL.locals, [pi]));
    // was it started by a call activity? (no: nothing to hand back)
    c.push(read(SQL.callLink, [pi]));
    instance.task = undefined;
    return c;
  }
}

const read = (sql: string, params: SqlValue[]): Statement => ({ sql, params, read: true });
const write = (sql: string, params: SqlValue[]): Statement => ({ sql, params, read: false });
