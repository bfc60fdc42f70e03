import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Clock } from '../../engine/index.ts';
import type { TaskEngine, UserTaskJob } from './engine.ts';
import { fourEyesUserOf } from './four-eyes.ts';
import { readUserTaskHeaders } from './headers.ts';
import type { OpenTask, TaskStore } from './model.ts';

export interface LifecycleTiming {
  /** The timeout jobs are activated with, until their task is stored (a crash in between returns them soon). */
  activationTimeoutMs: number;
  /** The long timeout an open task's job is renewed to. */
  taskTimeoutMs: number;
  /** How long one activation call waits for a job (long polling). */
  pollMs: number;
  /** How often the read API is asked which user tasks ended (the cancelled ones leave the lists). */
  sweepMs: number;
  /** How often every open task's job is renewed (wall-clock). */
  renewMs: number;
  /** Without a read API (Zeebe mode without ZEEBE_REST_ADDRESS), renewals are how cancellations show. */
  renewWithoutReadApiMs: number;
  /** A completion under way longer than this (platform clock) is taken over by the sweep. */
  staleCompletionMs: number;
}

export const TIMING: LifecycleTiming = {
  activationTimeoutMs: 5 * 60_000,
  taskTimeoutMs: 8 * 3_600_000,
  pollMs: 1_000,
  sweepMs: 1_000,
  renewMs: 60_000,
  renewWithoutReadApiMs: 10_000,
  staleCompletionMs: 60_000,
};

const BATCH = 200;
const RETRY_MS = 2_000;
/** Ended element instances are searched a little before the last sweep: clocks and commits lag. */
const MARGIN_MS = 60_000;

interface Deps {
  store: TaskStore;
  engine: TaskEngine;
  clock: Clock;
  logger: Logger;
  /** False while this replica's embedded engine is on standby (its gateway refuses commands). */
  engineActive?: () => boolean;
}

/**
 * The task list's side of DESIGN seam 2, run by every replica: activates user task jobs into
 * tasks, renews their jobs, and notices the ones the process cancelled (or whose completion
 * was interrupted). Returns how to stop, after the calls in flight are settled.
 */
export function startLifecycle(deps: Deps, timing: LifecycleTiming = TIMING): () => Promise<void> {
  const stop = new AbortController();
  const log = deps.logger.child({ module: 'tasks' });
  const idle = () => deps.engineActive?.() === false;
  const pause = (ms: number) => sleep(ms, undefined, { signal: stop.signal }).catch(() => undefined);
  let lastRenewal = 0;
  /** Engine time of the last sweep: ended user tasks are searched from there on. */
  let since: number | undefined;
  let readApiFailed = false;

  const activation = (async () => {
    while (!stop.signal.aborted) {
      if (idle()) {
        await pause(RETRY_MS);
        continue;
      }
      try {
        const polled = performance.now();
        const jobs = await deps.engine.activate({
          max: 32,
          timeoutMs: timing.activationTimeoutMs,
          pollMs: timing.pollMs,
        });
        // Even when stopping: an activated job is stored, or it would hide until its timeout.
        for (const job of jobs)
          await intake(job).catch((err) => log.warn({ err, jobKey: job.key }, 'storing a user task failed'));
        // A gateway that answers an empty poll at once (Zeebe's test engine does not long-poll)
        // would be asked hundreds of times a second, and never idle: wait out the poll instead.
        const early = timing.pollMs - (performance.now() - polled);
        if (jobs.length === 0 && early > 0) await pause(early);
      } catch (error) {
        if (!stop.signal.aborted) log.warn({ err: error }, 'activating user task jobs failed');
        await pause(RETRY_MS);
      }
    }
  })();

  async function intake(job: UserTaskJob): Promise<void> {
    const headers = readUserTaskHeaders(job.customHeaders, job.variables);
    const model = (await deps.engine.definition(job.processDefinitionKey))?.task(
      job.bpmnProcessId,
      job.elementId,
    );
    const created = await deps.store.saveActivated(
      {
        key: job.key,
        name: model?.name ?? job.elementId,
        elementId: job.elementId,
        elementInstanceKey: job.elementInstanceKey,
        processInstanceKey: job.processInstanceKey,
        processDefinitionKey: job.processDefinitionKey,
        bpmnProcessId: job.bpmnProcessId,
        processName: model?.processName ?? null,
        processVersion: job.processDefinitionVersion,
        assignee: headers.assignee,
        candidateGroups: headers.candidateGroups,
        candidateUsers: headers.candidateUsers,
        dueAt: headers.dueAt,
        followUpAt: headers.followUpAt,
        priority: headers.priority,
        formKey: headers.formKey,
        formId: model?.formId ?? null,
        customHeaders: headers.custom,
        fourEyesUser: fourEyesUserOf(headers.custom, job.variables),
        variables: job.variables,
        tenantId: job.tenantId,
      },
      deps.clock.now(),
    );
    log.debug({ jobKey: job.key, created }, created ? 'task created' : 'task re-activated');
    await deps.engine
      .renew(job.key, timing.taskTimeoutMs)
      .catch((err) => log.warn({ err }, 'renewal failed'));
  }

  const sweeps = (async () => {
    while (!stop.signal.aborted) {
      await pause(timing.sweepMs);
      if (stop.signal.aborted || idle()) continue;
      try {
        await sweep();
      } catch (error) {
        log.warn({ err: error }, 'task sweep failed');
      }
    }
  })();

  /**
   * Every sweep: the user tasks the read API shows ended since the last one (an interrupting
   * event, a cancelled instance), and interrupted completions. Every `renewMs`, or without a
   * read API: every open task's job is renewed, which also finds the cancelled ones.
   */
  async function sweep(): Promise<void> {
    const startedAt = deps.clock.now();
    // A clock moved back (tests pin it) must not leave the mark in the future.
    // A read API that cannot answer this search: renewals alone find the cancelled tasks.
    const ended = await deps.engine
      .endedUserTasks(Math.min(since ?? startedAt, startedAt) - MARGIN_MS)
      .catch((err) => {
        if (!readApiFailed) log.warn({ err }, 'the read API cannot say which user tasks ended');
        readApiFailed = true;
        return undefined;
      });
    const every = ended === undefined ? timing.renewWithoutReadApiMs : timing.renewMs;
    const renewing = performance.now() - lastRenewal >= every;
    const checks: [OpenTask, string | undefined][] = [];
    if (ended && ended.size > 0)
      for (const task of await deps.store.openAt([...ended.keys()]))
        checks.push([task, ended.get(task.elementInstanceKey)]);
    for (const task of await deps.store.completingSince(startedAt - timing.staleCompletionMs))
      checks.push([task, ended?.get(task.elementInstanceKey)]);
    for (const [task, state] of checks) {
      if (stop.signal.aborted) return;
      await settle(task, state);
    }
    since = startedAt;
    if (!renewing) return;
    for (let after = ''; ; ) {
      const open = await deps.store.open(after, BATCH);
      if (open.length === 0) break;
      after = (open[open.length - 1] as OpenTask).key;
      for (const task of open) {
        if (stop.signal.aborted) return;
        await settle(task, undefined);
      }
    }
    lastRenewal = performance.now();
  }

  /**
   * Renews the task's job; a job that is gone ends the task, as its element instance ended. A
   * completion interrupted long ago (a crash between submit and the engine's answer) is sent again.
   */
  async function settle(task: OpenTask, elementState: string | undefined): Promise<void> {
    const now = deps.clock.now();
    if ((await deps.engine.renew(task.key, timing.taskTimeoutMs)) === 'gone') {
      // Completed, by the person (a completion under way) or by someone else through the engine.
      const completed =
        elementState === 'COMPLETED' || (task.state === 'COMPLETING' && elementState !== 'TERMINATED');
      if (completed) await deps.store.completed(task.key, null, now);
      else if (await deps.store.canceled(task.key, now))
        log.info({ jobKey: task.key }, 'task cancelled by its process');
      return;
    }
    const stale = task.state === 'COMPLETING' && now - (task.completingAt ?? now) >= timing.staleCompletionMs;
    if (!stale) return;
    const outcome = await deps.engine.complete(task.key, task.completion ?? {});
    if (outcome === 'gone') await deps.store.canceled(task.key, now);
    else await deps.store.completed(task.key, null, now);
  }

  return async () => {
    stop.abort();
    await Promise.all([activation, sweeps]);
  };
}
