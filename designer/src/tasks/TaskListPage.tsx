import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pager } from '../components/Pager.tsx';
import { useLoad } from '../use-load.ts';
import { listTasks } from './api.ts';
import { rememberView, takeCompleted } from './list-memory.ts';
import { NewTasks } from './new-tasks.ts';
import { problemText } from './problems.ts';
import { TaskFiltersForm } from './TaskFiltersForm.tsx';
import { TaskRow } from './TaskRow.tsx';
import { listQuery, NO_FILTERS, type TaskFilters } from './task-query.ts';
import type { View } from './types.ts';

const PAGE_SIZE = 25;
/** Polling, not a change feed: one indexed query per open list every 3 s is cheap for a bank's staff. */
const POLL_MS = 3_000;

/** One list (mine, groups', unassigned, all) with filters, sorting, paging and live refresh. */
export function TaskListPage({ view, supervises }: { view: View; supervises: boolean }) {
  const { t } = useTranslation('tasks');
  rememberView(view);
  const [filters, setFilters] = useState<TaskFilters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [completed] = useState(takeCompleted);
  const key = JSON.stringify({ view, filters, offset });
  const tasks = useLoad(
    () => listTasks(view, listQuery(filters, Date.now(), offset, PAGE_SIZE)),
    key,
    POLL_MS,
  );
  const now = Date.now();

  // Processes seen in any answer: the agents' roles cannot read the process definitions.
  const processes = useRef(new Map<string, string>()).current;
  for (const task of tasks.data?.items ?? [])
    processes.set(task.bpmnProcessId, task.processName ?? task.bpmnProcessId);

  const news = useRef(new NewTasks()).current;
  const shownKey = useRef(key);
  if (shownKey.current !== key) {
    shownKey.current = key;
    news.reset();
  }
  const fresh = tasks.data ? news.see(tasks.data.items.map((task) => task.key)) : new Set<string>();

  const total = tasks.data?.page.total ?? 0;
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  const apply = (next: TaskFilters) => {
    setFilters(next);
    setOffset(0);
  };

  return (
    <section className="page tk-page" data-view={view}>
      <header className="tk-header">
        <div>
          <h1>{t(`views.${view}`)}</h1>
          <p className="muted tk-intro">{t(`intro.${view}`)}</p>
        </div>
        <div className="tk-actions">
          <span className="tk-live" role="status">
            {fresh.size > 0 ? t('newArrived', { count: fresh.size }) : t('live')}
          </span>
          <button type="button" className="secondary" onClick={() => void tasks.reload()}>
            {t('refresh')}
          </button>
        </div>
      </header>
      {completed && (
        <p className="tk-notice" role="status" data-notice="completed">
          {t('completedNotice', { name: completed })}
        </p>
      )}
      <TaskFiltersForm filters={filters} processes={processes} onChange={apply} />
      {tasks.error !== undefined && (
        <p className="error" role="alert">
          {problemText(tasks.error, t, t('error'))}
        </p>
      )}
      {tasks.loading && !tasks.data && <p className="muted">{t('loading')}</p>}
      {tasks.data && tasks.data.items.length === 0 && (
        <p className="empty-note" data-empty={view}>
          {filtered ? t('empty.filtered') : t(`empty.${view}`)}
        </p>
      )}
      {tasks.data && tasks.data.items.length > 0 && (
        <>
          <table className="tk-table" data-supervisor={supervises ? 'true' : undefined}>
            <thead>
              <tr>
                <th>{t('columns.task')}</th>
                <th>{t('columns.context')}</th>
                <th>{t('columns.who')}</th>
                <th>{t('columns.due')}</th>
                <th>{t('columns.priority')}</th>
                <th>{t('columns.created')}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.data.items.map((task) => (
                <TaskRow
                  key={task.key}
                  task={task}
                  now={now}
                  isNew={fresh.has(task.key)}
                  onOpen={(k) => news.seen(k)}
                />
              ))}
            </tbody>
          </table>
          <Pager
            offset={offset}
            count={tasks.data.items.length}
            pageSize={PAGE_SIZE}
            total={total}
            onOffset={setOffset}
            t={t}
          />
        </>
      )}
    </section>
  );
}
