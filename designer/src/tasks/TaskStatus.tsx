import { useTranslation } from 'react-i18next';
import { useDisplayName } from '../components/people.tsx';
import { formatDateTime } from '../format.ts';
import type { Task } from './types.ts';

/** Where the task stands for this person: what they can do, or why they no longer can. */
export function TaskStatus({ task, gone, me }: { task: Task; gone: boolean; me: string | undefined }) {
  const { t, i18n } = useTranslation('tasks');
  const name = useDisplayName();
  const at = (iso: string | null) => formatDateTime(iso ?? undefined, i18n.language);
  let tone = 'info';
  let text: string;
  if (gone) {
    tone = 'warn';
    text = t('task.gone');
  } else if (task.state === 'COMPLETED') {
    tone = 'warn';
    text = task.completedBy
      ? t('task.completedBy', { user: name(task.completedBy), at: at(task.completedAt) })
      : t('task.completedMeanwhile');
  } else if (task.state === 'CANCELED') {
    tone = 'warn';
    text = t('task.canceled', { at: at(task.canceledAt) });
  } else if (task.state === 'COMPLETING') text = t('task.completing');
  else if (task.assignee === null) text = t('task.claimFirst');
  else if (task.assignee !== me) text = t('task.heldBy', { user: name(task.assignee) });
  else return null;
  return (
    <p
      className={`tk-status tk-status-${tone}`}
      role="status"
      data-status={gone ? 'gone' : task.state.toLowerCase()}
    >
      {text}
    </p>
  );
}
