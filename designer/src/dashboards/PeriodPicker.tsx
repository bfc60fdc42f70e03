import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
// Days are typed dd/mm/yyyy whatever the browser's own language (a date input follows it).
import { parseDay, showDay } from '../format.ts';
import {
  DEFAULT_PERIOD,
  dayLabel,
  jakartaToday,
  type PeriodChoice,
  PRESETS,
  periodProblems,
  presetOf,
  presetPeriod,
} from './period.ts';

/**
 * The period of every report on the screen: Jakarta dates typed or picked (applied on
 * submit), quick presets ending today (WIB), or each report's own default.
 */
export function PeriodPicker({
  value,
  onChange,
  children,
}: {
  value: PeriodChoice;
  onChange(next: PeriodChoice): void;
  /** Further filters beside the dates (the branch). */
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation('dashboards');
  const typed = (p: PeriodChoice) => ({ from: showDay(p.from), to: showDay(p.to) });
  const [draft, setDraft] = useState(() => typed(value));
  // The period lives in the address: going back or following a link changes it from outside.
  useEffect(() => setDraft({ from: showDay(value.from), to: showDay(value.to) }), [value.from, value.to]);
  const [problems, setProblems] = useState<ReturnType<typeof periodProblems>>([]);
  const today = jakartaToday();
  const current = presetOf(value, today);
  const isDefault = !value.from && !value.to;

  const choose = (next: PeriodChoice) => {
    setDraft(typed(next));
    setProblems([]);
    onChange(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = { from: parseDay(draft.from), to: parseDay(draft.to) };
    const unreadable = (['from', 'to'] as const)
      .filter((field) => parsed[field] === undefined)
      .map((field) => ({ field, problem: 'invalid' as const }));
    const next = { from: parsed.from ?? '', to: parsed.to ?? '' };
    const found = unreadable.length > 0 ? unreadable : periodProblems(next);
    setProblems(found);
    if (found.length === 0) onChange(next);
  };
  const problemOf = (field: 'from' | 'to') => problems.find((p) => p.field === field);
  const input = (field: 'from' | 'to') => (
    <label>
      {t(`period.${field}`)}
      <input
        name={field}
        inputMode="numeric"
        placeholder={t('period.dayFormat')}
        size={11}
        value={draft[field]}
        aria-invalid={problemOf(field) ? true : undefined}
        aria-describedby={problemOf(field) ? `db-period-${field}-problem` : undefined}
        onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
      />
    </label>
  );

  return (
    <form className="db-period" onSubmit={submit} aria-label={t('period.legend')} noValidate>
      <div className="db-period-row">
        {input('from')}
        {input('to')}
        <button type="submit">{t('period.apply')}</button>
        {children}
        <fieldset className="db-presets">
          <legend className="db-hidden">{t('period.presets')}</legend>
          {PRESETS.map((preset) => (
            <button
              key={preset}
              type="button"
              className="secondary"
              data-preset={preset}
              aria-pressed={current === preset}
              onClick={() => choose(presetPeriod(preset, today))}
            >
              {t(`period.${preset}`)}
            </button>
          ))}
          <button
            type="button"
            className="secondary"
            data-preset="default"
            aria-pressed={isDefault}
            onClick={() => choose(DEFAULT_PERIOD)}
          >
            {t('period.default')}
          </button>
        </fieldset>
      </div>
      {problems.map((p) => (
        <p key={p.field} id={`db-period-${p.field}-problem`} className="error" role="alert">
          {t(`period.problem.${p.problem}`, { field: t(`period.${p.field}`) })}
        </p>
      ))}
      <p className="muted db-period-note" data-period-note>
        {isDefault
          ? t('period.defaultHint')
          : t('period.chosen', {
              from: dayLabel(value.from, i18n.language),
              to: dayLabel(value.to, i18n.language),
            })}
      </p>
    </form>
  );
}
