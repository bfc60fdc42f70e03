import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DUE_FILTERS, type DueFilter, NO_FILTERS, SORTS, type Sort, type TaskFilters } from './task-query.ts';

const DUE_LABEL = { '': 'dueAny', overdue: 'dueOverdue', today: 'dueToday', later: 'dueLater' } as const;
const SORT_LABEL = {
  'dueDate,-priority': 'sortDue',
  '-priority,dueDate': 'sortPriority',
  '-createdAt': 'sortNewest',
  createdAt: 'sortOldest',
} as const;

/** The list's filters: choices apply at once, the search text on Enter or "Terapkan". */
export function TaskFiltersForm({
  filters,
  processes,
  onChange,
}: {
  filters: TaskFilters;
  processes: Map<string, string>;
  onChange(filters: TaskFilters): void;
}) {
  const { t } = useTranslation('tasks');
  const [search, setSearch] = useState(filters.search);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filters, search });
  };
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <form className="tk-filters" onSubmit={submit} aria-label={t('filters.title')}>
      <label className="tk-search">
        {t('filters.search')}
        <input
          type="search"
          name="search"
          value={search}
          maxLength={100}
          placeholder={t('filters.searchPlaceholder')}
          onChange={(e) => setSearch(e.target.value)}
        />
      </label>
      <label>
        {t('filters.process')}
        <select
          name="processId"
          value={filters.processId}
          onChange={(e) => onChange({ ...filters, search, processId: e.target.value })}
        >
          <option value="">{t('filters.anyProcess')}</option>
          {[...processes].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.due')}
        <select
          name="due"
          value={filters.due}
          onChange={(e) => onChange({ ...filters, search, due: e.target.value as DueFilter })}
        >
          {DUE_FILTERS.map((due) => (
            <option key={due} value={due}>
              {t(`filters.${DUE_LABEL[due]}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.sort')}
        <select
          name="sort"
          value={filters.sort}
          onChange={(e) => onChange({ ...filters, search, sort: e.target.value as Sort })}
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`filters.${SORT_LABEL[sort]}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('filters.apply')}</button>
      {filtered && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setSearch('');
            onChange(NO_FILTERS);
          }}
        >
          {t('filters.clear')}
        </button>
      )}
    </form>
  );
}
