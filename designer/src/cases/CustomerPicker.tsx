import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format.ts';
import { useLoad } from '../use-load.ts';
import { searchCustomers } from './api.ts';
import type { CustomerHit } from './types.ts';

/** Finds a customer in the caller's scope (personal fields arrive masked as the role requires). */
export function CustomerPicker({
  chosen,
  onChoose,
  error,
}: {
  chosen: CustomerHit | null;
  onChoose(customer: CustomerHit | null): void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('cases');
  const [q, setQ] = useState('');
  const term = q.trim();
  const hits = useLoad(() => (term.length >= 2 ? searchCustomers(term) : Promise.resolve([])), term);
  if (chosen)
    return (
      <fieldset className="cs-customer">
        <legend>{t('log.customer')}</legend>
        <p data-customer-id={chosen.id} data-section="chosen-customer">
          <strong>{chosen.fullName}</strong> <span className="muted">{chosen.cif}</span>{' '}
          <span className="muted">{[chosen.nik, chosen.phone].filter(Boolean).join(' · ')}</span>
        </p>
        <button type="button" className="secondary" onClick={() => onChoose(null)}>
          {t('log.change')}
        </button>
      </fieldset>
    );
  return (
    <fieldset className="cs-customer">
      <legend>{t('log.customer')}</legend>
      <label>
        {t('log.customerSearch')}
        <input
          name="customerSearch"
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby="cs-customer-hint"
        />
      </label>
      <p id="cs-customer-hint" className={error ? 'error' : 'muted cs-small'}>
        {error ?? t('log.customerHint')}
      </p>
      {term.length >= 2 && hits.loading && <p className="muted">{t('log.searching')}</p>}
      {hits.error !== undefined && (
        <p className="error" role="alert">
          {errorText(hits.error, t('error'))}
        </p>
      )}
      {term.length >= 2 && hits.data && hits.data.length === 0 && !hits.loading && (
        <p className="muted">{t('log.noCustomer')}</p>
      )}
      {hits.data && hits.data.length > 0 && (
        <ul className="cs-hits">
          {hits.data.map((c) => (
            <li key={c.id} data-customer-id={c.id}>
              <span>
                <strong>{c.fullName}</strong> <span className="muted">{c.cif}</span>{' '}
                <span className="muted cs-small">
                  {[c.nik, c.phone, c.branchCode].filter(Boolean).join(' · ')}
                </span>
              </span>
              <button type="button" className="secondary" onClick={() => onChoose(c)}>
                {t('log.choose')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
