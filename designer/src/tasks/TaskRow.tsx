import { useTranslation } from 'react-i18next';
import { Person, useDisplayName } from '../components/people.tsx';
import { formatDateTime } from '../format.ts';
import { useSession } from '../session.tsx';
import { businessContext } from './business-context.ts';
import { taskHref } from './links.ts';
import { DueDate } from './SlaBadge.tsx';
import { priorityLevel, slaState } from './sla.ts';
import type { Task } from './types.ts';

/** Candidate groups in words: roles by their names, branches by their codes. */
export function useGroupName() {
  const { t } = useTranslation('common');
  return (group: string) => t(`roles.${group}`, { defaultValue: group });
}

/** One task at a glance: name and process, business context, who, due with SLA, priority, created. */
export function TaskRow({
  task,
  now,
  isNew,
  onOpen,
}: {
  task: Task;
  now: number;
  isNew: boolean;
  onOpen(key: string): void;
}) {
  const { t, i18n } = useTranslation('tasks');
  const { me } = useSession();
  const groupName = useGroupName();
  const level = priorityLevel(task.priority);
  const context = businessContext(task.variables);
  const name = useDisplayName();
  const candidates = [...task.candidateGroups.map(groupName), ...task.candidateUsers.map(name)];
  return (
    <tr
      data-task-key={task.key}
      data-sla={slaState(task.dueDate, now)}
      data-new={isNew ? 'true' : undefined}
      className={isNew ? 'tk-new' : undefined}
    >
      <td>
        <a href={taskHref(task.key)} className="tk-name" onClick={() => onOpen(task.key)}>
          {task.name}
        </a>
        {isNew && <span className="badge ok tk-new-badge">{t('new')}</span>}
        <div className="muted tk-process">{task.processName ?? task.bpmnProcessId}</div>
      </td>
      <td>
        {context.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <dl className="tk-context">
            {context.map((item) => (
              <div key={item.kind} data-context={item.kind}>
                <dt>{t(`context.${item.kind}`)}</dt>
                <dd>{item.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </td>
      <td>
        {task.assignee ? (
          <span data-assignee={task.assignee}>
            {task.assignee === me?.username ? t('you') : <Person username={task.assignee} />}
          </span>
        ) : (
          <span className="muted">{t('unassignedShort')}</span>
        )}
        <div className="muted tk-groups">{candidates.length > 0 ? candidates.join(', ') : t('anyone')}</div>
      </td>
      <td>
        <DueDate dueDate={task.dueDate} now={now} />
      </td>
      <td>
        <span className={`tk-priority tk-priority-${level}`} data-priority={task.priority}>
          {t(`priority.${level}`)} <span className="muted">({task.priority})</span>
        </span>
      </td>
      <td>{formatDateTime(task.createdAt, i18n.language)}</td>
    </tr>
  );
}
