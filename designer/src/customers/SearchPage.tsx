import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Person } from '../components/people.tsx';
import { errorText } from '../format.ts';
import { href, navigate } from '../router.ts';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { searchCustomers } from './api.ts';
import { searchProblem } from './consent-matrix.ts';
import { rememberSearch } from './search-memory.ts';
import type { CustomerSummary } from './types.ts';

/** Search by name, NIK, phone, account number, e-mail or CIF; results in a table. */
export function SearchPage({ query }: { query: string }) {
  const { t } = useTranslation('customers');
  const { me, has } = useSession();
  rememberSearch(query);
  const [draft, setDraft] = useState(query);
  const [problem, setProblem] = useState<string | null>(null);
  const results = useLoad(
    () => (query && !searchProblem(query) ? searchCustomers(query) : Promise.resolve(null)),
    query,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (searchProblem(draft)) return setProblem(t('search.tooShort'));
    setProblem(null);
    if (draft.trim() === query) void results.reload();
    else navigate('customers', 'search', draft.trim());
  };
  const scopeNote = has('relationship-manager')
    ? t('search.portfolio')
    : me?.branchCode && me.branchKind === 'branch'
      ? t('search.branch', { branch: me.branchCode })
      : null;
  const items = results.data?.items;

  return (
    <section className="page cu-page">
      <h1>{t('title')}</h1>
      <search>
        <form className="cu-search" onSubmit={submit} aria-label={t('search.label')}>
          <label className="cu-search-field">
            <span>{t('search.label')}</span>
            <input
              name="q"
              type="search"
              value={draft}
              placeholder={t('search.placeholder')}
              aria-invalid={problem !== null}
              aria-describedby="cu-search-hint"
              onChange={(e) => setDraft(e.target.value)}
            />
          </label>
          <button type="submit">{t('search.submit')}</button>
        </form>
      </search>
      <p id="cu-search-hint" className="muted cu-hint">
        {t('search.hint')} {scopeNote}
      </p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {!query && <p className="empty-note">{t('search.prompt')}</p>}
      {results.error !== undefined && (
        <p className="error" role="alert">
          {errorText(results.error, t('error'))}
        </p>
      )}
      {query && results.loading && <p className="muted">{t('loading')}</p>}
      {items && items.length === 0 && <p className="empty-note">{t('search.empty', { q: query })}</p>}
      {items && items.length > 0 && (
        <>
          <p className="muted" role="status">
            {t('search.count', { count: items.length })}
          </p>
          <ResultsTable items={items} />
        </>
      )}
    </section>
  );
}

function ResultsTable({ items }: { items: CustomerSummary[] }) {
  const { t } = useTranslation('customers');
  return (
    <table className="cu-results">
      <thead>
        <tr>
          <th>{t('table.name')}</th>
          <th>{t('table.cif')}</th>
          <th>{t('table.nik')}</th>
          <th>{t('table.phone')}</th>
          <th>{t('table.segment')}</th>
          <th>{t('table.branch')}</th>
          <th>{t('table.rm')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id} data-customer-id={c.id}>
            <td>
              <a href={href('customers', c.id)}>{c.fullName}</a>
            </td>
            <td>
              <code>{c.cif}</code>
            </td>
            <td className="cu-mono">{c.nik ?? t('none')}</td>
            <td className="cu-mono">{c.phone ?? t('none')}</td>
            <td>{t(`segment.${c.segment}`, { defaultValue: c.segment })}</td>
            <td>{c.branchCode}</td>
            <td>{c.rmUsername ? <Person username={c.rmUsername} /> : t('none')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
