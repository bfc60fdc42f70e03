import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { fieldErrors } from '../customers/field-errors.ts';
import { errorText } from '../format.ts';
import { navigate } from '../router.ts';
import { useSession } from '../session.tsx';
import { submitApplication } from './api.ts';
import { checkForm, emptyForm, type FormValues, toBody } from './application-form.ts';
import { ChoicesFieldset } from './ChoicesFieldset.tsx';
import { WRITE_ROLES } from './roles.ts';
import { DOCUMENT_KINDS, OCCUPATIONS, PRODUCTS, SOURCES_OF_FUNDS } from './types.ts';

const CONSENT_PAIRS = [
  'email/service',
  'whatsapp/service',
  'sms/service',
  'email/marketing',
  'whatsapp/marketing',
];

/** Submits a new application (onboarding.write); bad input is named field by field, ours or the server's. */
export function NewApplicationPage() {
  const { t } = useTranslation('onboarding');
  const { me, has } = useSession();
  const [values, setValues] = useState<FormValues>(() =>
    emptyForm(me?.branchKind === 'branch' ? (me.branchCode ?? '') : ''),
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // An edited field loses its old complaint; the next submit judges it again.
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setProblems(({ [key]: _, ...others }) => others);
  };

  // The server's words are English; a field it names gets this screen's own words when there are some.
  const serverProblem = (name: string, message: string, error: unknown) =>
    error instanceof ApiError && error.code === 'NIK_TAKEN' && name === 'nik'
      ? t('form.nikTaken')
      : t(`form.server.${name}`, { defaultValue: message });

  if (!has(...WRITE_ROLES))
    return (
      <section className="page onb-page">
        <p className="empty-note">{t('form.noPermission')}</p>
      </section>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const own = checkForm(values);
    setProblems(
      Object.fromEntries(Object.entries(own).map(([field, problem]) => [field, t(`form.${problem}`)])),
    );
    setFailure(undefined);
    if (Object.keys(own).length > 0) return;
    setBusy(true);
    try {
      const created = await submitApplication(toBody(values));
      navigate('onboarding', created.id);
    } catch (error) {
      setFailure(error);
      setProblems(
        Object.fromEntries(
          Object.entries(fieldErrors(error)).map(([name, message]) => [
            name,
            serverProblem(name, message, error),
          ]),
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof FormValues, input: ReactNode, hint?: string) => (
    <label className="onb-field" data-field={name} htmlFor={`onb-f-${name}`}>
      <span>{t(`form.${name}`)}</span>
      {input}
      {problems[name] ? (
        <span className="error onb-small" id={`onb-${name}-error`}>
          {problems[name]}
        </span>
      ) : (
        hint && <span className="muted onb-small">{hint}</span>
      )}
    </label>
  );
  const text = (
    name:
      | 'fullName'
      | 'nik'
      | 'birthDate'
      | 'birthPlace'
      | 'phone'
      | 'email'
      | 'branchCode'
      | 'monthlyIncome',
    extra = {},
  ) => (
    <input
      id={`onb-f-${name}`}
      name={name}
      value={values[name]}
      aria-invalid={!!problems[name]}
      aria-describedby={problems[name] ? `onb-${name}-error` : undefined}
      onChange={(e) => set(name, e.target.value)}
      {...extra}
    />
  );
  const select = (
    name: 'sex' | 'product' | 'occupation' | 'sourceOfFunds',
    options: readonly string[],
    prefix: string,
  ) => (
    <select
      id={`onb-f-${name}`}
      name={name}
      value={values[name]}
      aria-invalid={!!problems[name]}
      onChange={(e) => set(name, e.target.value as FormValues[typeof name])}
    >
      {name !== 'product' && <option value="">{t('form.choose')}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {t(`${prefix}.${o}`)}
        </option>
      ))}
    </select>
  );

  return (
    <section className="page onb-page">
      <h1>{t('form.title')}</h1>
      <p className="muted">{t('form.intro')}</p>
      <form className="onb-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('form.applicant')}</legend>
          {field('fullName', text('fullName', { autoComplete: 'off' }))}
          {field('nik', text('nik', { inputMode: 'numeric', maxLength: 20 }), t('form.nikHint'))}
          {field(
            'birthDate',
            text('birthDate', { inputMode: 'numeric', placeholder: t('form.dayFormat') }),
            t('form.dayFormat'),
          )}
          {field('birthPlace', text('birthPlace'))}
          {field('sex', select('sex', ['M', 'F'], 'sex'))}
          {field(
            'address',
            <textarea
              id="onb-f-address"
              name="address"
              rows={2}
              value={values.address}
              aria-invalid={!!problems.address}
              onChange={(e) => set('address', e.target.value)}
            />,
          )}
          {field('phone', text('phone', { inputMode: 'tel' }))}
          {field('email', text('email', { type: 'email' }))}
        </fieldset>
        <fieldset>
          <legend>{t('form.account')}</legend>
          {field('branchCode', text('branchCode'), t('form.branchHint'))}
          {field('product', select('product', PRODUCTS, 'product'))}
          {field('occupation', select('occupation', OCCUPATIONS, 'occupation'))}
          {field('sourceOfFunds', select('sourceOfFunds', SOURCES_OF_FUNDS, 'funds'))}
          {field('monthlyIncome', text('monthlyIncome', { inputMode: 'numeric' }))}
          <label className="onb-check">
            <input
              type="checkbox"
              name="pep"
              checked={values.pep}
              onChange={(e) => set('pep', e.target.checked)}
            />
            {t('form.pep')}
          </label>
        </fieldset>
        <ChoicesFieldset
          name="documentsReceived"
          legend={t('form.documents')}
          options={DOCUMENT_KINDS.map((kind) => [kind, t(`document.${kind}`)])}
          chosen={values.documentsReceived}
          onChange={(chosen) => set('documentsReceived', chosen)}
        />
        <ChoicesFieldset
          name="consents"
          legend={t('form.consents')}
          options={CONSENT_PAIRS.map((pair) => {
            const [channel, purpose] = pair.split('/');
            return [pair, `${t(`channel.${channel}`)} – ${t(`purpose.${purpose}`)}`];
          })}
          chosen={values.consents}
          onChange={(chosen) => set('consents', chosen)}
        />
        {(failure !== undefined || Object.keys(problems).length > 0) && (
          <p className="error" role="alert">
            {failure === undefined || Object.keys(problems).length > 0
              ? t('form.invalid')
              : errorText(failure, t('error'))}
          </p>
        )}
        <div className="onb-form-actions">
          <button type="submit" disabled={busy}>
            {busy ? t('form.submitting') : t('form.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
