import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, formatNumber } from '../format.ts';
import { useLoad } from '../use-load.ts';
import { AuditFiltersForm } from './AuditFiltersForm.tsx';
import { searchEntries } from './api.ts';
import { EntriesTable } from './EntriesTable.tsx';
import { EntryDialog } from './EntryDialog.tsx';
import { type AuditFilters, entriesQuery, NO_FILTERS } from './filters.ts';
import type { AuditEntry } from './types.ts';
import { VerifyPanel } from './VerifyPanel.tsx';
import './audit.css';

/**
 * The audit trail screen (`#/audit`, compliance and admin): search the trail newest first,
 * page back in time, open an entry, and verify the hash chain. Each search is itself recorded
 * by the server (it can reveal what was done to whom).
 */
export function AuditScreen({ rest }: { rest: string[] }) {
  const { t, i18n } = useTranslation('audit');
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  // Paging backwards: the `before` of each page shown, so "newer" returns to the one before.
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const [open, setOpen] = useState<AuditEntry>();
  const before = pages.at(-1);
  const entries = useLoad(() => searchEntries(filters, before), entriesQuery(filters, before));
  const items = entries.data?.items ?? [];
  const n = (v: number) => formatNumber(v, i18n.language);

  const apply = (next: AuditFilters) => {
    setFilters(next);
    setPages([undefined]);
  };

  return (
    <section className="page au-page" data-rest={rest.join('/')}>
      <h1>{t('title')}</h1>
      <p className="muted au-intro">{t('intro')}</p>
      <VerifyPanel
        onShow={(seq) => {
          setFilters(NO_FILTERS);
          setPages([undefined, seq + 1]);
        }}
      />
      <AuditFiltersForm key={JSON.stringify(filters)} initial={filters} onApply={apply} />
      <div className="au-results">
        {entries.error !== undefined && (
          <p className="error" role="alert">
            {t('table.error')}: {errorText(entries.error, t('table.error'))}
          </p>
        )}
        {entries.loading && !entries.data && <p className="muted">{t('table.loading')}</p>}
        {entries.data && items.length === 0 && <p className="au-empty">{t('table.empty')}</p>}
        {items.length > 0 && <EntriesTable items={items} onOpen={setOpen} />}
        {entries.data && (
          <nav className="au-pager" aria-label={t('table.paging')}>
            {items.length > 0 && (
              <span className="muted">
                {t('table.shown', { first: n(items[0]?.seq ?? 0), last: n(items.at(-1)?.seq ?? 0) })}
              </span>
            )}
            <button type="button" className="secondary" onClick={() => void entries.reload()}>
              {t('table.refresh')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={pages.length === 1}
              onClick={() => setPages((p) => p.slice(0, -1))}
            >
              {t('table.newer')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={entries.data.nextBefore === null}
              onClick={() => setPages((p) => [...p, entries.data?.nextBefore ?? undefined])}
            >
              {t('table.older')}
            </button>
          </nav>
        )}
      </div>
      {open && <EntryDialog entry={open} onClose={() => setOpen(undefined)} />}
    </section>
  );
}
