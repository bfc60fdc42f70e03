import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pager } from '../components/Pager.tsx';
import { errorText } from '../format.ts';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { listCases } from './api.ts';
import { CaseFiltersForm } from './CaseFiltersForm.tsx';
import { CaseTable } from './CaseTable.tsx';
import {
  type CaseFilters,
  caseQuery,
  DEFAULT_FILTERS,
  type ListView,
  type Sort,
  type SortField,
} from './case-query.ts';
import { QueueList } from './QueueList.tsx';
import { useCaseWords } from './use-words.ts';

const PAGE_SIZE = 25;

/** Queues on the left; the cases of the chosen one, filtered, sorted and paged, on the right. */
export function CaseListPage({ view }: { view: ListView }) {
  const { t } = useTranslation('cases');
  const { me } = useSession();
  const words = useCaseWords();
  const [filters, setFilters] = useState<CaseFilters>(DEFAULT_FILTERS);
  const [sort, setSort] = useState<Sort>({ field: 'createdAt', desc: true });
  const [offset, setOffset] = useState(0);
  const query = caseQuery(view, filters, sort, offset, PAGE_SIZE, me?.username ?? '');
  const cases = useLoad(() => listCases(query), query, 15_000);
  const total = cases.data?.page.total ?? 0;
  const filtered = JSON.stringify(filters) !== JSON.stringify(DEFAULT_FILTERS);
  const title =
    view.kind === 'mine'
      ? t('list.titleMine')
      : view.kind === 'queue'
        ? t('list.titleQueue', { name: words.queue(view.code) })
        : t('list.titleAll');

  const sortBy = (field: SortField) => {
    setSort((s) => ({ field, desc: s.field === field ? !s.desc : true }));
    setOffset(0);
  };

  return (
    <div className="cs-console">
      <QueueList view={view} />
      <section className="page cs-page" aria-labelledby="cs-list-title">
        <header className="cs-header">
          <h1 id="cs-list-title">{title}</h1>
          <button type="button" className="secondary" onClick={() => void cases.reload()}>
            {t('refresh')}
          </button>
        </header>
        <CaseFiltersForm
          initial={filters}
          vocabulary={words.vocabulary}
          onApply={(next) => {
            setFilters(next);
            setOffset(0);
          }}
        />
        {cases.error !== undefined && (
          <p className="error" role="alert">
            {errorText(cases.error, t('error'))}
          </p>
        )}
        {cases.loading && !cases.data && <p className="muted">{t('loading')}</p>}
        {cases.data && cases.data.items.length === 0 && (
          <p className="empty-note">{filtered ? t('list.emptyFiltered') : t('list.empty')}</p>
        )}
        {cases.data && cases.data.items.length > 0 && (
          <>
            <CaseTable items={cases.data.items} sort={sort} onSort={sortBy} />
            <Pager
              offset={offset}
              count={cases.data.items.length}
              pageSize={PAGE_SIZE}
              total={total}
              onOffset={setOffset}
              t={t}
              prefix="list."
            />
          </>
        )}
      </section>
    </div>
  );
}
