import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { getTask } from './api.ts';
import { rememberedView } from './list-memory.ts';
import { problemCode, problemText } from './problems.ts';
import { type Run, TaskActions } from './TaskActions.tsx';
import { TaskDetails } from './TaskDetails.tsx';
import { TaskStatus } from './TaskStatus.tsx';
import { TaskWork } from './TaskWork.tsx';

/** Polled so that a task completed elsewhere, or cancelled by its process, says so at once. */
const POLL_MS = 3_000;
/** Refusals after which the task is reloaded: it changed under the person's feet. */
const STALE = new Set([
  'TASK_ALREADY_CLAIMED',
  'TASK_COMPLETED',
  'TASK_CANCELED',
  'TASK_NOT_FOUND',
  'TASK_NOT_ASSIGNED_TO_YOU',
]);

/** One task: where it stands, its form (form-js), its facts; claim, give back, assign, complete. */
export function TaskPage({ taskKey, supervises }: { taskKey: string; supervises: boolean }) {
  const { t, i18n } = useTranslation('tasks');
  const { me } = useSession();
  const task = useLoad(() => getTask(taskKey), taskKey, POLL_MS);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState<{ text: string; code: string } | null>(null);
  const view = rememberedView();
  const back = view === 'mine' ? href('tasks') : href('tasks', view);

  /** Runs one action at a time; the server's refusal is shown in words, and a stale task reloaded. */
  const run: Run = async (name, action, done) => {
    setBusy(name);
    setProblem(null);
    setNotice('');
    try {
      await action();
      await task.reload();
      if (done) setNotice(done);
      return true;
    } catch (error) {
      setProblem({ text: problemText(error, t, t('error')), code: problemCode(error) ?? '' });
      if (STALE.has(problemCode(error) ?? '')) await task.reload();
      return false;
    } finally {
      setBusy(null);
    }
  };

  const current = task.data;
  if (!current)
    return (
      <section className="page tk-page">
        <a href={back}>{t('task.back')}</a>
        {task.error !== undefined ? (
          <p className="error" role="alert" data-status="not-found">
            {task.error instanceof ApiError && task.error.status === 404
              ? t('task.notFound')
              : problemText(task.error, t, t('error'))}
          </p>
        ) : (
          <p className="muted">{t('loading')}</p>
        )}
      </section>
    );

  // Seen before and now 404: completed by someone else and out of sight, or moved away.
  const gone = task.error instanceof ApiError && task.error.status === 404;
  const open = current.state === 'CREATED' && !gone;
  const mine = open && current.assignee === me?.username;
  return (
    <section
      className="page tk-page tk-task"
      data-task-key={current.key}
      data-state={gone ? 'GONE' : current.state}
    >
      <a href={back}>{t('task.back')}</a>
      <header className="tk-header">
        <div>
          <h1>{current.name}</h1>
          <p className="muted tk-intro">
            {current.processName ?? current.bpmnProcessId} ·{' '}
            {formatDateTime(current.createdAt, i18n.language)}
          </p>
        </div>
        <TaskActions task={current} open={open} mine={mine} supervises={supervises} busy={busy} run={run} />
      </header>
      <TaskStatus task={current} gone={gone} me={me?.username} />
      {notice && (
        <p className="tk-notice" role="status">
          {notice}
        </p>
      )}
      {problem && (
        <p className="error tk-problem" role="alert" data-problem={problem.code}>
          {problem.text}
        </p>
      )}
      <div className="tk-body">
        <TaskWork task={current} mine={mine} busy={busy} run={run} />
        <TaskDetails task={current} now={Date.now()} />
      </div>
    </section>
  );
}
