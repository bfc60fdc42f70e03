import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDay, showDay } from '../format.ts';
import { type InstanceFilters, NO_FILTERS } from './instance-filters.ts';
import { INSTANCE_STATES, type ProcessDefinition } from './types.ts';

/** The filters of the instance list; applied on submit so typing does not query on each key. */
export function InstanceFiltersForm({
  initial,
  definitions,
  onApply,
}: {
  initial: InstanceFilters;
  definitions: ProcessDefinition[];
  onApply(filters: InstanceFilters): void;
}) {
  const { t } = useTranslation('operations');
  const [draft, setDraft] = useState(initial);
  // Days are typed dd/mm/yyyy whatever the browser's locale (a date input would follow it).
  const [days, setDays] = useState({ from: showDay(initial.from), to: showDay(initial.to) });
  const [badDays, setBadDays] = useState<string[]>([]);
  const set = <K extends keyof InstanceFilters>(key: K, value: InstanceFilters[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const processIds = [...new Set(definitions.map((d) => d.processDefinitionId))];
  const versions = definitions.filter((d) => d.processDefinitionId === draft.processId).map((d) => d.version);
  const setVariable = (index: number, field: 'name' | 'value', value: string) =>
    set(
      'variables',
      draft.variables.map((condition, i) => (i === index ? { ...condition, [field]: value } : condition)),
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const from = parseDay(days.from);
    const to = parseDay(days.to);
    const bad = [from === undefined && 'from', to === undefined && 'to'].filter((f): f is string => !!f);
    setBadDays(bad);
    if (from === undefined || to === undefined) return;
    const next = { ...draft, from, to };
    setDraft(next);
    onApply(next);
  };
  const dayInput = (field: 'from' | 'to') => (
    <label>
      {t(`filters.${field}`)}
      <input
        name={field}
        inputMode="numeric"
        placeholder={t('filters.dayFormat')}
        size={10}
        value={days[field]}
        aria-invalid={badDays.includes(field)}
        onChange={(e) => setDays((current) => ({ ...current, [field]: e.target.value }))}
      />
    </label>
  );

  return (
    <form className="op-filters" onSubmit={submit} aria-label={t('filters.title')}>
      <div className="op-filter-row">
        <label>
          {t('filters.process')}
          <select
            name="processId"
            value={draft.processId}
            onChange={(e) => setDraft((current) => ({ ...current, processId: e.target.value, version: '' }))}
          >
            <option value="">{t('filters.any')}</option>
            {processIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.version')}
          <select
            name="version"
            value={draft.version}
            disabled={!draft.processId}
            onChange={(e) => set('version', e.target.value)}
          >
            <option value="">{t('filters.any')}</option>
            {versions.map((version) => (
              <option key={version} value={version}>
                v{version}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.state')}
          <select
            name="state"
            value={draft.state}
            onChange={(e) => set('state', e.target.value as InstanceFilters['state'])}
          >
            <option value="">{t('filters.any')}</option>
            {INSTANCE_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`state.${state}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.incident')}
          <select
            name="incident"
            value={draft.incident}
            onChange={(e) => set('incident', e.target.value as InstanceFilters['incident'])}
          >
            <option value="">{t('filters.any')}</option>
            <option value="yes">{t('filters.withIncident')}</option>
            <option value="no">{t('filters.withoutIncident')}</option>
          </select>
        </label>
        {dayInput('from')}
        {dayInput('to')}
      </div>
      {badDays.length > 0 && (
        <p className="error" role="alert">
          {t('filters.badDay', { format: t('filters.dayFormat') })}
        </p>
      )}
      <fieldset className="op-variable-filters">
        <legend>{t('filters.variables')}</legend>
        {draft.variables.length === 0 && <p className="muted">{t('filters.noVariables')}</p>}
        {draft.variables.map((condition, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <div className="op-variable-filter" key={index}>
            <input
              name={`variable-name-${index}`}
              aria-label={t('filters.variableName')}
              placeholder={t('filters.variableName')}
              value={condition.name}
              onChange={(e) => setVariable(index, 'name', e.target.value)}
            />
            <span aria-hidden="true">=</span>
            <input
              name={`variable-value-${index}`}
              aria-label={t('filters.variableValue')}
              placeholder={t('filters.variableValue')}
              value={condition.value}
              onChange={(e) => setVariable(index, 'value', e.target.value)}
            />
            <button
              type="button"
              className="link"
              onClick={() =>
                set(
                  'variables',
                  draft.variables.filter((_, i) => i !== index),
                )
              }
            >
              {t('filters.removeVariable')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary op-add-variable"
          onClick={() => set('variables', [...draft.variables, { name: '', value: '' }])}
        >
          {t('filters.addVariable')}
        </button>
        <p className="muted op-hint">{t('filters.variableHint')}</p>
      </fieldset>
      <div className="op-filter-actions">
        <button type="submit">{t('filters.apply')}</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDraft(NO_FILTERS);
            setDays({ from: '', to: '' });
            setBadDays([]);
            onApply(NO_FILTERS);
          }}
        >
          {t('filters.reset')}
        </button>
      </div>
    </form>
  );
}
