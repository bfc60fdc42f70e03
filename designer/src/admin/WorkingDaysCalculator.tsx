import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workingDays } from './api.ts';
import { formatDay, startOfJakartaDay } from './calendar-days.ts';
import { formProblem, NO_PROBLEM } from './form-errors.ts';
import { Field, Problems } from './parts.tsx';
import type { WorkingDaysDue } from './types.ts';

/**
 * The due date n working days after a day, as the server counts it for complaint deadlines.
 * `version` changes when the holidays change, so an answer on screen is counted again.
 */
export function WorkingDaysCalculator({ defaultFrom, version }: { defaultFrom: string; version: number }) {
  const { t, i18n } = useTranslation('admin');
  const [from, setFrom] = useState(defaultFrom);
  const [days, setDays] = useState('10');
  const [answer, setAnswer] = useState<WorkingDaysDue | null>(null);
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [counted, setCounted] = useState(version);

  const count = async () => {
    setProblem(NO_PROBLEM);
    try {
      setAnswer(await workingDays(startOfJakartaDay(from), Number(days.trim() === '' ? Number.NaN : days)));
    } catch (error) {
      setAnswer(null);
      setProblem(formProblem(error, ['from', 'days'], t('error'), t));
    }
  };
  if (counted !== version) {
    setCounted(version);
    if (answer) void count();
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void count();
  };

  return (
    <section className="ad-card ad-calculator" aria-labelledby="ad-calc-title" data-section="working-days">
      <h2 id="ad-calc-title">{t('holidays.calculator.title')}</h2>
      <form className="ad-row" onSubmit={submit}>
        <Field label={t('holidays.calculator.from')} name="from" problem={problem}>
          <input name="from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t('holidays.calculator.days')} name="days" problem={problem}>
          <input
            name="days"
            type="number"
            min="0"
            max="366"
            value={days}
            className="ad-narrow"
            onChange={(e) => setDays(e.target.value)}
          />
        </Field>
        <button type="submit">{t('holidays.calculator.submit')}</button>
      </form>
      <p className="muted">{t('holidays.calculator.hint')}</p>
      <Problems problem={problem} />
      {answer && (
        <p className="ad-result" role="status" data-due-date={answer.dueDate}>
          {t('holidays.calculator.result', { date: formatDay(answer.dueDate, i18n.language) })}
        </p>
      )}
    </section>
  );
}
