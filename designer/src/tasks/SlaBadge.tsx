import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.ts';
import { slaState } from './sla.ts';

const TONE = { overdue: 'danger', soon: 'warn', ok: 'ok' } as const;

/** A due date with its SLA state: past it is danger, within 2 hours or today a warning. */
export function DueDate({ dueDate, now }: { dueDate: string | null; now: number }) {
  const { t, i18n } = useTranslation('tasks');
  const state = slaState(dueDate, now);
  if (state === 'none') return <span className="muted">{t('noDue')}</span>;
  return (
    <span className="tk-due" data-sla={state}>
      <span>{formatDateTime(dueDate ?? undefined, i18n.language)}</span>
      <span className={`badge ${TONE[state]}`}>{t(`sla.${state}`)}</span>
    </span>
  );
}
