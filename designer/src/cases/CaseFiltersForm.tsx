import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseFilters, DEFAULT_FILTERS } from './case-query.ts';
import type { Vocabulary } from './types.ts';

const SLA_OPTIONS = [
  ['overdue', 'sla.filterOverdue'],
  ['due-soon', 'sla.filterDueSoon'],
  ['on-track', 'sla.filterOnTrack'],
] as const;

/** Status, priority, category, channel, SLA state and words; applied together on submit. */
export function CaseFiltersForm({
  initial,
  vocabulary,
  onApply,
}: {
  initial: CaseFilters;
  vocabulary: Vocabulary | undefined;
  onApply(filters: CaseFilters): void;
}) {
  const { t, i18n } = useTranslation('cases');
  const [draft, setDraft] = useState(initial);
  const set = (name: keyof CaseFilters) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [name]: event.target.value }));
  const any = <option value="">{t('filters.any')}</option>;
  return (
    <form
      className="cs-filters"
      aria-label={t('filters.label')}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <label>
        {t('filters.q')}
        <input
          name="q"
          type="search"
          value={draft.q}
          onChange={set('q')}
          placeholder={t('filters.qPlaceholder')}
        />
      </label>
      <label>
        {t('filters.status')}
        <select name="status" value={draft.status} onChange={set('status')}>
          <option value="open">{t('filters.statusOpen')}</option>
          <option value="closed">{t('filters.statusClosed')}</option>
          {any}
          {(vocabulary?.statuses ?? []).map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.severity')}
        <select name="severity" value={draft.severity} onChange={set('severity')}>
          {any}
          {(vocabulary?.severities ?? []).map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.category')}
        <select name="category" value={draft.category} onChange={set('category')}>
          {any}
          {(vocabulary?.categories ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {i18n.language === 'en' ? c.nameEn : c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.channel')}
        <select name="channel" value={draft.channel} onChange={set('channel')}>
          {any}
          {(vocabulary?.channels ?? []).map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`, { defaultValue: c })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.sla')}
        <select name="sla" value={draft.sla} onChange={set('sla')}>
          {any}
          {SLA_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
        </select>
      </label>
      <div className="cs-filter-actions">
        <button type="submit">{t('filters.apply')}</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDraft(DEFAULT_FILTERS);
            onApply(DEFAULT_FILTERS);
          }}
        >
          {t('filters.reset')}
        </button>
      </div>
    </form>
  );
}
