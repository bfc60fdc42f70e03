import { useTranslation } from 'react-i18next';
import type { Status } from './types.ts';

const TONE: Partial<Record<Status, string>> = {
  IN_REVIEW: 'warn',
  APPROVED: 'ok',
  ACCOUNT_OPENED: 'ok',
  COMPLETED: 'ok',
  REFUSED: 'danger',
};

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation('onboarding');
  return (
    <span className={`badge ${TONE[status] ?? ''}`} data-status={status}>
      {t(`status.${status}`, { defaultValue: status })}
    </span>
  );
}
