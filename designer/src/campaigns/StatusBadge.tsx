import { useTranslation } from 'react-i18next';
import { statusTone } from './campaign-logic.ts';
import type { CampaignStatus } from './types.ts';

/** A campaign's status in words, coloured by what it asks of a person. */
export function StatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation('campaigns');
  return (
    <span className={`badge ${statusTone(status)}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
