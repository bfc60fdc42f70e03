import { useTranslation } from 'react-i18next';
import type { FormProblem, RulesForm } from './rules.ts';
import { CONSENT_CHANNELS, PRODUCT_KINDS, SEGMENTS } from './types.ts';

type ListKey = 'segments' | 'hasProducts' | 'lacksProducts' | 'consents';
type TextKey = 'branchCodes' | 'cities' | 'ageMin' | 'ageMax' | 'incomeMin' | 'incomeMax';

/** The segment builder's conditions: picked sets as checkboxes, lists and ranges as text. */
export function RulesFields({
  form,
  problems,
  onChange,
}: {
  form: RulesForm;
  problems: FormProblem[];
  onChange(form: RulesForm): void;
}) {
  const { t } = useTranslation('campaigns');
  const toggle = (key: ListKey, value: string, on: boolean) =>
    onChange({ ...form, [key]: on ? [...form[key], value] : form[key].filter((v) => v !== value) });
  const problemOf = (key: TextKey) => problems.find((p) => p.field === key);

  const picks = (key: ListKey, values: readonly string[], word: (v: string) => string) => (
    <fieldset className="cmp-picks" data-rule={key}>
      <legend>{t(`builder.${key}`)}</legend>
      {values.map((v) => (
        <label key={v} className="cmp-check">
          <input
            type="checkbox"
            name={`${key}-${v}`}
            checked={form[key].includes(v)}
            onChange={(e) => toggle(key, v, e.target.checked)}
          />
          {word(v)}
        </label>
      ))}
    </fieldset>
  );

  const text = (key: TextKey, hint?: string, numeric = false) => {
    const problem = problemOf(key);
    return (
      <label className="cmp-field">
        {t(`builder.${key}`)}
        <input
          name={key}
          value={form[key]}
          inputMode={numeric ? 'numeric' : undefined}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `cmp-problem-${key}` : undefined}
          onChange={(e) => onChange({ ...form, [key]: e.target.value })}
        />
        {hint && <small className="muted">{hint}</small>}
        {problem && (
          <small id={`cmp-problem-${key}`} className="error" role="alert">
            {t(`builder.problem.${problem.message}`)}
          </small>
        )}
      </label>
    );
  };

  return (
    <>
      {picks('segments', SEGMENTS, (v) => t(`segmentKind.${v}`))}
      <div className="cmp-row">
        {text('branchCodes', t('builder.branchHint'))}
        {text('cities', t('builder.citiesHint'))}
      </div>
      <fieldset className="cmp-range">
        <legend>{t('builder.age')}</legend>
        {text('ageMin', undefined, true)}
        {text('ageMax', undefined, true)}
      </fieldset>
      <fieldset className="cmp-range">
        <legend>{t('builder.income')}</legend>
        {text('incomeMin', undefined, true)}
        {text('incomeMax', undefined, true)}
      </fieldset>
      {picks('hasProducts', PRODUCT_KINDS, (v) => t(`product.${v}`))}
      {picks('lacksProducts', PRODUCT_KINDS, (v) => t(`product.${v}`))}
      {picks('consents', CONSENT_CHANNELS, (v) => t(`channel.${v}`))}
    </>
  );
}
