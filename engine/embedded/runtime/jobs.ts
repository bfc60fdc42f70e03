import type { StoreTransaction } from '../store/store.ts';

/**
 * Zeebe's job states. FAILED covers two cases Zeebe tells apart only by what happens next:
 * waiting out a retry backoff (retries left, `deadline` = when it may run again), and
 * waiting for its incident to be resolved (no retries left).
 */
export type JobState = 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'ERROR_THROWN';

export interface Job {
  key: string;
  type: string;
  state: JobState;
  retries: number;
  worker: string;
  deadline: number;
  elementInstanceKey: string;
  processInstanceKey: string;
  definitionKey: string;
  bpmnProcessId: string;
  version: number;
  elementId: string;
  customHeaders: string;
  errorMessage: string | null;
}

interface JobRecord {
  job_key: unknown;
  type: string;
  state: JobState;
  retries: unknown;
  worker: string;
  deadline: unknown;
  element_instance_key: unknown;
  process_instance_key: unknown;
  definition_key: unknown;
  bpmn_process_id: string;
  version: unknown;
  element_id: string;
  custom_headers: string;
  error_message: string | null;
}

const toJob = (r: JobRecord): Job => ({
  key: String(r.job_key),
  type: r.type,
  state: r.state,
  retries: Number(r.retries),
  worker: r.worker,
  deadline: Number(r.deadline),
  elementInstanceKey: String(r.element_instance_key),
  processInstanceKey: String(r.process_instance_key),
  definitionKey: String(r.definition_key),
  bpmnProcessId: r.bpmn_process_id,
  version: Number(r.version),
  elementId: r.element_id,
  customHeaders: r.custom_headers,
  errorMessage: r.error_message,
});

/** Rows of jobs. Completed and cancelled jobs are deleted, as in Zeebe. */
export class JobRows {
  constructor(private readonly tx: StoreTransaction) {}

  async insert(job: Job, now: number): Promise<void> {
    await this.tx.run(
      `INSERT INTO engine_jobs (job_key, type, state, retries, worker, deadline, element_instance_key,
         process_instance_key, definition_key, bpmn_process_id, version, element_id, custom_headers, error_message, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        job.key,
        job.type,
        job.state,
        job.retries,
        job.worker,
        job.deadline,
        job.elementInstanceKey,
        job.processInstanceKey,
        job.definitionKey,
        job.bpmnProcessId,
        job.version,
        job.elementId,
        job.customHeaders,
        job.errorMessage,
        now,
      ],
    );
  }

  async get(key: string): Promise<Job | undefined> {
    const [r] = await this.tx.all<JobRecord>('SELECT * FROM engine_jobs WHERE job_key = ?', [key]);
    return r && toJob(r);
  }

  /** Activatable jobs of a type, oldest first (jobs past their deadline count as activatable). */
  async activatable(type: string, now: number, limit: number): Promise<Job[]> {
    const rows = await this.tx.all<JobRecord>(
      `SELECT * FROM engine_jobs
       WHERE type = ? AND (state = 'ACTIVATABLE'
         OR (state IN ('ACTIVATED', 'FAILED') AND retries > 0 AND deadline >= 0 AND deadline <= ?))
       ORDER BY job_key LIMIT ${Math.max(1, Math.floor(limit))}`,
      [type, now],
    );
    return rows.map(toJob);
  }

  async activate(key: string, worker: string, deadline: number): Promise<void> {
    await this.tx.run(
      "UPDATE engine_jobs SET state = 'ACTIVATED', worker = ?, deadline = ? WHERE job_key = ?",
      [worker, deadline, key],
    );
  }

  async update(
    key: string,
    fields: {
      state?: JobState;
      retries?: number;
      errorMessage?: string | null;
      deadline?: number;
      worker?: string;
    },
  ) {
    const columns: [string, string | number | null | undefined][] = [
      ['state', fields.state],
      ['retries', fields.retries],
      ['error_message', fields.errorMessage],
      ['deadline', fields.deadline],
      ['worker', fields.worker],
    ];
    const set = columns.filter(([, value]) => value !== undefined) as [string, string | number | null][];
    const sets = set.map(([column]) => `${column} = ?`);
    const values = set.map(([, value]) => value);
    if (sets.length === 0) return;
    await this.tx.run(`UPDATE engine_jobs SET ${sets.join(', ')} WHERE job_key = ?`, [...values, key]);
  }

  async forElement(elementInstanceKey: string): Promise<Job | undefined> {
    const [r] = await this.tx.all<JobRecord>('SELECT * FROM engine_jobs WHERE element_instance_key = ?', [
      elementInstanceKey,
    ]);
    return r && toJob(r);
  }

  async delete(key: string): Promise<void> {
    await this.tx.run('DELETE FROM engine_jobs WHERE job_key = ?', [key]);
  }
}
