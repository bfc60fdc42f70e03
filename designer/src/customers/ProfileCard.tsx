import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format.ts';
import { formatDay } from './format-day.ts';
import type { Customer360, UnmaskField } from './types.ts';

/** The server masks with asterisks; only then is there something to unmask. */
export const isMasked = (value: string | null) => !!value && value.includes('*');

const KYC_BADGE: Record<string, string> = { verified: 'ok', pending: 'warn', rejected: 'danger' };
const RISK_BADGE: Record<string, string> = { LOW: 'ok', MEDIUM: 'warn', HIGH: 'danger' };

/** Identity, contact (masked as the server sent it), segment, branch and RM, KYC and risk. */
export function ProfileCard({
  view,
  onUnmask,
}: {
  view: Customer360;
  onUnmask: ((field: UnmaskField) => void) | undefined;
}) {
  const { t, i18n } = useTranslation('customers');
  const { customer, branch, relationshipManager } = view;
  const day = (iso: string) => formatDay(iso, i18n.language);
  const personal = (field: 'nik' | 'phone' | 'email') => {
    const value = customer[field];
    return (
      <span className="cu-personal">
        <span className="cu-mono" data-field={field}>
          {value ?? t('none')}
        </span>
        {onUnmask && isMasked(value) && (
          <button
            type="button"
            className="link"
            aria-label={t('unmask.openField', { field: t(`field.${field}`) })}
            onClick={() => onUnmask(field)}
          >
            {t('unmask.open')}
          </button>
        )}
      </span>
    );
  };
  const rows: [string, ReactNode][] = [
    ['nik', personal('nik')],
    ['phone', personal('phone')],
    ['email', personal('email')],
    ['birthDate', formatDay(customer.birthDate, i18n.language)],
    [
      'gender',
      customer.gender ? t(`gender.${customer.gender}`, { defaultValue: customer.gender }) : t('none'),
    ],
    ['city', customer.city ?? t('none')],
    ['occupation', customer.occupation ?? t('none')],
    [
      'income',
      customer.monthlyIncome === null
        ? t('none')
        : `Rp ${formatNumber(customer.monthlyIncome, i18n.language)}`,
    ],
    ['segment', t(`segment.${customer.segment}`, { defaultValue: customer.segment })],
    ['branch', branch ? `${branch.name} (${branch.code})` : customer.branchCode],
    [
      'rm',
      relationshipManager
        ? `${relationshipManager.displayName} (${relationshipManager.username})`
        : (customer.rmUsername ?? t('profile.noRm')),
    ],
    [
      'kyc',
      <span key="kyc" className={`badge ${KYC_BADGE[customer.kycStatus] ?? ''}`}>
        {t(`kyc.${customer.kycStatus}`, { defaultValue: customer.kycStatus })}
      </span>,
    ],
    [
      'risk',
      customer.riskLevel ? (
        <span key="risk" className={`badge ${RISK_BADGE[customer.riskLevel] ?? ''}`}>
          {t(`risk.${customer.riskLevel}`, { defaultValue: customer.riskLevel })}
        </span>
      ) : (
        t('none')
      ),
    ],
    ['since', day(customer.createdAt)],
  ];
  if (customer.closedAt) rows.push(['closed', day(customer.closedAt)]);

  return (
    <section className="cu-card" aria-labelledby="cu-profile">
      <h2 id="cu-profile">{t('profile.title')}</h2>
      <dl className="cu-profile">
        {rows.map(([key, value]) => (
          <div key={key} data-profile={key}>
            <dt>{t(`profile.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
