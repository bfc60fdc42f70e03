import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
// Days are typed dd/mm/yyyy whatever the browser's own language (a date input follows it).
import { parseDay, showDay } from '../format.ts';
import { type AuditFilters, filterProblems, NO_FILTERS } from './filters.ts';
import { useAuditWords } from './words.ts';

/** The audit search: applied on submit, so typing a username does not query on each key. */
export function AuditFiltersForm({
  initial,
  onApply,
}: {
  initial: AuditFilters;
  onApply(f: AuditFilters): void;
}) {
  const { t } = useTranslation('audit');
  const words = useAuditWords();
  const [draft, setDraft] = useState({ ...initial, from: showDay(initial.from), to: showDay(initial.to) });
  const [problem, setProblem] = useState<'order' | 'from' | 'to' | null>(null);
  const set = (key: keyof AuditFilters, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const from = parseDay(draft.from);
    const to = parseDay(draft.to);
    const next = { ...draft, from: from ?? '', to: to ?? '' };
    const bad =
      from === undefined
        ? 'from'
        : to === undefined
          ? 'to'
          : filterProblems(next).length > 0
            ? 'order'
            : null;
    setProblem(bad);
    if (!bad) onApply(next);
  };
  const text = (key: 'actor' | 'entityId' | 'subjectId') => (
    <label>
      {t(`filters.${key}`)}
      <input name={key} value={draft[key]} autoComplete="off" onChange={(e) => set(key, e.target.value)} />
    </label>
  );
  const day = (key: 'from' | 'to') => (
    <label>
      {t(`filters.${key}`)}
      <input
        name={key}
        inputMode="numeric"
        placeholder={t('filters.dayFormat')}
        size={11}
        value={draft[key]}
        aria-invalid={problem === key || (key === 'to' && problem === 'order') ? true : undefined}
        aria-describedby={
          problem === key || (key === 'to' && problem === 'order') ? 'au-day-problem' : undefined
        }
        onChange={(e) => set(key, e.target.value)}
      />
    </label>
  );

  return (
    <form className="au-filters" onSubmit={submit} aria-label={t('filters.title')} noValidate>
      <div className="au-filter-row">
        {text('actor')}
        <label>
          {t('filters.action')}
          <select name="action" value={draft.action} onChange={(e) => set('action', e.target.value)}>
            <option value="">{t('filters.anyAction')}</option>
            {Object.entries(words.actions)
              .sort(([, a], [, b]) => a.localeCompare(b))
              .map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('filters.entityType')}
          <select
            name="entityType"
            value={draft.entityType}
            onChange={(e) => set('entityType', e.target.value)}
          >
            <option value="">{t('filters.anyEntity')}</option>
            {Object.entries(words.entities)
              .sort(([, a], [, b]) => a.localeCompare(b))
              .map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
          </select>
        </label>
        {text('entityId')}
        {text('subjectId')}
        {day('from')}
        {day('to')}
        <div className="au-filter-actions">
          <button type="submit">{t('filters.apply')}</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft(NO_FILTERS);
              setProblem(null);
              onApply(NO_FILTERS);
            }}
          >
            {t('filters.reset')}
          </button>
        </div>
      </div>
      {problem && (
        <p id="au-day-problem" className="error" role="alert">
          {problem === 'order' ? t('filters.order') : t('filters.badDay', { field: t(`filters.${problem}`) })}
        </p>
      )}
    </form>
  );
}
