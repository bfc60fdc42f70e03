import { useTranslation } from 'react-i18next';
import { Person } from '../components/people.tsx';
import { errorText, formatDateTime } from '../format.ts';
import { href } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { openTaskOf } from './api.ts';

/** The case's open task, linked to the task list (which owns `#/tasks/<key>`). */
export function OpenTaskCard({
  caseId,
  open,
  supervisor,
}: {
  caseId: string;
  open: boolean;
  supervisor: boolean;
}) {
  const { t, i18n } = useTranslation('cases');
  const task = useLoad(
    () => (open ? openTaskOf(caseId, supervisor) : Promise.resolve(null)),
    `${caseId}/${open}/${supervisor}`,
    open ? 15_000 : null,
  );
  return (
    <section className="cs-card" aria-labelledby="cs-task-title" data-section="task">
      <h2 id="cs-task-title">{t('detail.task')}</h2>
      {task.error !== undefined && <p className="error">{errorText(task.error, t('error'))}</p>}
      {task.loading && task.data === undefined && <p className="muted">{t('loading')}</p>}
      {task.data === null && <p className="muted">{t('detail.noTask')}</p>}
      {task.data && (
        <p>
          <a href={href('tasks', task.data.key)} data-task-key={task.data.key}>
            {task.data.name}
          </a>
          <br />
          <span className="muted cs-small">
            {task.data.assignee ? <Person username={task.data.assignee} /> : t('unassigned')}
            {task.data.dueDate
              ? ` · ${t('detail.taskDue', { date: formatDateTime(task.data.dueDate, i18n.language) })}`
              : ''}
          </span>
        </p>
      )}
    </section>
  );
}
