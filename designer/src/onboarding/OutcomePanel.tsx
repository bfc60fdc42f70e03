import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.ts';
import { href } from '../router.ts';
import type { Application } from './types.ts';

/** What came of the application: the account and customer, or the refusal, or a stuck opening. */
export function OutcomePanel({ a }: { a: Application }) {
  const { t, i18n } = useTranslation('onboarding');
  const refused = a.refusal;
  const incident = a.coreBanking.incident;
  if (!a.accountNumber && !a.customerId && !refused && !incident) return null;
  return (
    <section className="onb-card onb-outcome" aria-labelledby="onb-outcome">
      <h2 id="onb-outcome">{t('detail.outcome')}</h2>
      {refused && (
        <p className="error" data-outcome="refused">
          <strong>{t('detail.refusal')}:</strong>{' '}
          {i18n.language === 'en' ? refused.reasonEn : refused.reasonId}{' '}
          <span className="muted">{formatDateTime(refused.refusedAt, i18n.language)}</span>
        </p>
      )}
      {incident && (
        <p className="error" role="alert">
          {t('detail.coreBankingIncident', {
            attempts: a.coreBanking.attempts,
            error: a.coreBanking.lastError ?? t('none'),
          })}
        </p>
      )}
      <dl className="onb-dl">
        {a.accountNumber && (
          <div>
            <dt>{t('detail.account')}</dt>
            <dd className="onb-mono" data-field="accountNumber">
              {a.accountNumber}
            </dd>
          </div>
        )}
        {a.customerId && (
          <div>
            <dt>{t('detail.customer')}</dt>
            <dd>
              <a href={href('customers', a.customerId)}>{t('detail.openCustomer')}</a>
            </dd>
          </div>
        )}
        {a.rmUsername && (
          <div>
            <dt>{t('detail.rm')}</dt>
            <dd>{a.rmUsername}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
