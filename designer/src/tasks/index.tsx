import { useTranslation } from 'react-i18next';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { TaskListPage } from './TaskListPage.tsx';
import { TaskPage } from './TaskPage.tsx';
import { VIEWS, type View } from './types.ts';
import './tasks.css';

/** Who sees every open task and assigns tasks (tasks.assign). */
export const ASSIGN_ROLES = ['supervisor'];

/**
 * The task list screen (`#/tasks/...`):
 *   tasks                          → my tasks
 *   tasks/groups|unassigned|all    → my groups', unassigned, every open task (supervisors)
 *   tasks/<taskKey>                → one task with its form (links.ts: taskHref)
 */
export function TasksScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation('tasks');
  const { has } = useSession();
  const supervises = has(...ASSIGN_ROLES);
  const [first] = rest;
  const views = VIEWS.filter((view) => view !== 'all' || supervises);
  const isKey = first !== undefined && /^\d+$/.test(first);
  const view: View = views.includes(first as View) ? (first as View) : 'mine';
  return (
    <div className="tasks">
      <nav className="section-tabs tk-tabs" aria-label={t('title')}>
        {views.map((v) => (
          <a
            key={v}
            href={v === 'mine' ? href('tasks') : href('tasks', v)}
            aria-current={!isKey && v === view ? 'page' : undefined}
            data-view={v}
          >
            {t(`views.${v}`)}
          </a>
        ))}
      </nav>
      {isKey ? (
        <TaskPage key={first} taskKey={first} supervises={supervises} />
      ) : (
        <TaskListPage key={view} view={view} supervises={supervises} />
      )}
    </div>
  );
}
