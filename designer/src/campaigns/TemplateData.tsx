import { useTranslation } from 'react-i18next';

/**
 * What the template is filled in with (its sample data's fields but the customer, who is filled
 * in per recipient), named in words for the bank's own templates and by key for new ones.
 */
export function TemplateData({
  keys,
  values,
  onChange,
}: {
  keys: string[];
  values: Record<string, string>;
  onChange(values: Record<string, string>): void;
}) {
  const { t } = useTranslation('campaigns');
  if (keys.length === 0) return null;
  return (
    <fieldset className="cmp-data" data-template-data>
      <legend>{t('editor.data')}</legend>
      {keys.map((key) => (
        <label key={key} className="cmp-field">
          {t(`editor.dataField.${key}`, { defaultValue: key })}
          <input
            name={`data-${key}`}
            value={values[key] ?? ''}
            onChange={(e) => onChange({ ...values, [key]: e.target.value })}
          />
        </label>
      ))}
    </fieldset>
  );
}
