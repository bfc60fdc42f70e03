import { useTranslation } from 'react-i18next';
import { slaBadge } from './case-query.ts';
import type { CaseItem } from './types.ts';

/** On time / at risk / past SLA, from the state the server computed for an open case. */
export function SlaBadge({ item }: { item: CaseItem }) {
  const { t } = useTranslation('cases');
  const { key, tone } = slaBadge(item);
  return (
    <span className={`badge ${tone}`} data-sla={item.slaState ?? 'none'}>
      {t(key)}
    </span>
  );
}

/** The priority, HIGH in red so it stands out in a long list. */
export function SeverityBadge({ severity }: { severity: string }) {
  const { t } = useTranslation('cases');
  const tone = severity === 'HIGH' ? 'danger' : severity === 'MEDIUM' ? 'warn' : '';
  return (
    <span className={`badge ${tone}`} data-severity={severity}>
      {t(`severity.${severity}`, { defaultValue: severity })}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('cases');
  const tone = status === 'RESOLVED' || status === 'CLOSED' ? 'ok' : status === 'NEW' ? 'warn' : '';
  return (
    <span className={`badge cs-status ${tone}`} data-status={status}>
      {t(`status.${status}`, { defaultValue: status })}
    </span>
  );
}
