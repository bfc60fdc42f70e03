import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format.ts';
import { href, navigate } from '../router.ts';
import { logCase } from './api.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { fieldErrors } from './case-query.ts';
import type { CustomerHit, Severity } from './types.ts';
import { useCaseWords } from './use-words.ts';

/** "Catat pengaduan": who, through which channel, what about, how urgent, written or verbal. */
export function LogCasePage() {
  const { t, i18n } = useTranslation('cases');
  const words = useCaseWords();
  const [customer, setCustomer] = useState<CustomerHit | null>(null);
  const [channel, setChannel] = useState('call-centre');
  const [category, setCategory] = useState('');
  const [severity, setSeverity] = useState<Severity>('MEDIUM');
  const [form, setForm] = useState<'written' | 'verbal'>('verbal');
  const [documentsComplete, setDocumentsComplete] = useState(true);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const categories = (words.vocabulary?.categories ?? []).filter((c) => c.active);
  /** A changed field's old error goes; the others stay until the next submit. */
  const edited = (name: string) =>
    setErrors((current) => {
      if (!(name in current)) return current;
      const { [name]: _, ...rest } = current;
      return rest;
    });

  const submit = async () => {
    const local: Record<string, string> = {};
    if (!customer) local.customerId = t('log.chooseCustomer');
    if (!category) local.category = t('log.required');
    if (!description.trim()) local.description = t('log.required');
    setErrors(local);
    setFailure(undefined);
    if (!customer || Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      const created = await logCase({
        customerId: customer.id,
        channel,
        category,
        severity,
        form,
        description: description.trim(),
        ...(form === 'written' ? { documentsComplete } : {}),
      });
      navigate('cases', created.id);
    } catch (error) {
      setErrors(fieldErrors(error));
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const invalid = (name: string) =>
    errors[name] ? { 'aria-invalid': true as const, 'aria-describedby': `cs-error-${name}` } : {};
  const message = (name: string) =>
    errors[name] ? (
      <span id={`cs-error-${name}`} className="error cs-field-error" data-field-error={name}>
        {errors[name]}
      </span>
    ) : null;

  return (
    <section className="page cs-page cs-log" aria-labelledby="cs-log-title">
      <h1 id="cs-log-title">{t('log.title')}</h1>
      <form
        className="cs-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <CustomerPicker
          chosen={customer}
          onChoose={(c) => {
            setCustomer(c);
            edited('customerId');
          }}
          error={errors.customerId}
        />
        <div className="cs-form-row">
          <label>
            {t('log.channel')}
            <select
              name="channel"
              value={channel}
              onChange={(e) => {
                setChannel(e.target.value);
                edited('channel');
              }}
              {...invalid('channel')}
            >
              {(words.vocabulary?.channels ?? []).map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`, { defaultValue: c })}
                </option>
              ))}
            </select>
            {message('channel')}
          </label>
          <label>
            {t('log.category')}
            <select
              name="category"
              value={category}
              onChange={(e) => {
                setCategory(e.target.value);
                edited('category');
              }}
              {...invalid('category')}
            >
              <option value="">—</option>
              {categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {i18n.language === 'en' ? c.nameEn : c.name}
                </option>
              ))}
            </select>
            {message('category')}
          </label>
          <label>
            {t('log.severity')}
            <select
              name="severity"
              value={severity}
              onChange={(e) => setSeverity(e.target.value as Severity)}
            >
              {(['LOW', 'MEDIUM', 'HIGH'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`severity.${s}`)}
                </option>
              ))}
            </select>
            {message('severity')}
          </label>
        </div>
        <fieldset className="cs-form-row">
          <legend>{t('log.form')}</legend>
          {(['verbal', 'written'] as const).map((f) => (
            <label key={f} className="cs-inline">
              <input type="radio" name="form" value={f} checked={form === f} onChange={() => setForm(f)} />
              {t(`form.${f}`)}
            </label>
          ))}
          {form === 'written' && (
            <label className="cs-inline">
              <input
                type="checkbox"
                name="documentsComplete"
                checked={documentsComplete}
                onChange={(e) => setDocumentsComplete(e.target.checked)}
              />
              {t('log.documentsComplete')}
            </label>
          )}
          <p className="muted cs-small cs-wide">{t('log.formHint')}</p>
          {message('form')}
          {message('documentsComplete')}
        </fieldset>
        <label className="cs-wide">
          {t('log.description')}
          <textarea
            name="description"
            rows={5}
            maxLength={4000}
            value={description}
            onChange={(e) => {
              setDescription(e.target.value);
              edited('description');
            }}
            {...invalid('description')}
          />
          {message('description')}
        </label>
        {failure !== undefined && (
          <p className="error" role="alert">
            {t('log.failed')} {errorText(failure, t('error'))}
          </p>
        )}
        <div className="cs-form-actions">
          <a href={href('cases')}>{t('log.cancel')}</a>
          <button type="submit" disabled={saving}>
            {saving ? t('log.saving') : t('log.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
