import { useTranslation } from 'react-i18next';
import { Person, useDisplayName } from '../components/people.tsx';
import { formatDateTime } from '../format.ts';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { businessContext, FACT_VARIABLES } from './business-context.ts';
import { DueDate } from './SlaBadge.tsx';
import { priorityLevel } from './sla.ts';
import { useGroupName } from './TaskRow.tsx';
import type { Task } from './types.ts';

/** Who may open the process instance on the operations screen (processes.read). */
const INSTANCE_READERS = ['admin', 'process-owner', 'supervisor', 'compliance'];

/** The facts of a task beside its form: process, business context, people, dates, priority. */
export function TaskDetails({ task, now }: { task: Task; now: number }) {
  const { t, i18n } = useTranslation('tasks');
  const { has } = useSession();
  const groupName = useGroupName();
  const name = useDisplayName();
  const at = (iso: string | null) => formatDateTime(iso ?? undefined, i18n.language);
  const facts = FACT_VARIABLES.filter((name) => typeof task.variables[name] === 'string');
  const value = (name: string, raw: string) => t(`values.${name}.${raw}`, { defaultValue: raw });
  return (
    <aside className="tk-details" aria-label={t('task.process')}>
      <dl>
        <dt>{t('task.process')}</dt>
        <dd>
          {task.processName ?? task.bpmnProcessId}{' '}
          <span className="muted">({t('task.version', { version: task.processVersion })})</span>
          {has(...INSTANCE_READERS) && (
            <div>
              <a href={href('operations', 'instance', task.processInstanceKey)}>{t('task.openInstance')}</a>
            </div>
          )}
        </dd>
        {businessContext(task.variables).map((item) => (
          <div key={item.kind} className="tk-fact" data-context={item.kind}>
            <dt>{t(`context.${item.kind}`)}</dt>
            <dd>{item.value}</dd>
          </div>
        ))}
        {facts.map((name) => (
          <div key={name} className="tk-fact" data-fact={name}>
            <dt>{t(`facts.${name}`)}</dt>
            <dd>{value(name, task.variables[name] as string)}</dd>
          </div>
        ))}
        <dt>{t('task.assignee')}</dt>
        <dd data-field="assignee">
          {task.assignee ? (
            <Person username={task.assignee} />
          ) : (
            <span className="muted">{t('unassignedShort')}</span>
          )}
        </dd>
        {task.candidateGroups.length > 0 && (
          <>
            <dt>{t('task.candidates')}</dt>
            <dd>{task.candidateGroups.map(groupName).join(', ')}</dd>
          </>
        )}
        {task.candidateUsers.length > 0 && (
          <>
            <dt>{t('task.candidateUsers')}</dt>
            <dd>{task.candidateUsers.map(name).join(', ')}</dd>
          </>
        )}
        <dt>{t('task.due')}</dt>
        <dd>{task.state === 'CREATED' ? <DueDate dueDate={task.dueDate} now={now} /> : at(task.dueDate)}</dd>
        {task.followUpDate && (
          <>
            <dt>{t('task.followUp')}</dt>
            <dd>{at(task.followUpDate)}</dd>
          </>
        )}
        <dt>{t('task.priority')}</dt>
        <dd>
          {t(`priority.${priorityLevel(task.priority)}`)} <span className="muted">({task.priority})</span>
        </dd>
        <dt>{t('task.created')}</dt>
        <dd>{at(task.createdAt)}</dd>
        {task.claimedAt && task.assignee && (
          <>
            <dt>{t('task.claimed')}</dt>
            <dd>{at(task.claimedAt)}</dd>
          </>
        )}
      </dl>
    </aside>
  );
}
