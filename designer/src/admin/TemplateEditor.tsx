import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveTemplate } from './api.ts';
import { type FormProblem, formProblem, NO_PROBLEM, parseObject } from './form-errors.ts';
import { Field, Problems } from './parts.tsx';
import { type LocaleContent, PURPOSES, type Template } from './types.ts';

const LOCALES = ['id', 'en'] as const;
const FIELDS = [
  'purpose',
  'description',
  'sampleData',
  ...LOCALES.flatMap((l) => [`content.${l}.subject`, `content.${l}.html`, `content.${l}.text`]),
];

/** Edits a template's content in both languages; each save is a new version on the server. */
export function TemplateEditor({
  template,
  onSaved,
}: {
  template: Template;
  onSaved(saved: Template): void;
}) {
  const { t } = useTranslation('admin');
  const email = template.channel === 'email';
  const [purpose, setPurpose] = useState(template.purpose);
  const [description, setDescription] = useState(template.description ?? '');
  const [content, setContent] = useState(template.content);
  const [sample, setSample] = useState(JSON.stringify(template.sampleData, null, 2));
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const parsed = parseObject(sample);
  const sampleProblem =
    'problem' in parsed
      ? t('templates.invalidJson', { reason: parsed.problem === 'object' ? '{ … }' : parsed.problem })
      : null;

  const setPart = (locale: 'id' | 'en', part: keyof LocaleContent, value: string) =>
    setContent((c) => ({ ...c, [locale]: { ...c[locale], [part]: value } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!('value' in parsed)) return;
    setBusy(true);
    setProblem(NO_PROBLEM);
    try {
      // SMS and WhatsApp have text only; an e-mail's empty subject or HTML goes as absent.
      const clean = (c: LocaleContent): LocaleContent =>
        email
          ? {
              text: c.text,
              ...(c.subject ? { subject: c.subject } : {}),
              ...(c.html ? { html: c.html } : {}),
            }
          : { text: c.text };
      onSaved(
        await saveTemplate(template.key, template.channel, {
          purpose,
          description: description.trim() || null,
          content: { id: clean(content.id), en: clean(content.en) },
          sampleData: parsed.value,
        }),
      );
    } catch (error) {
      setProblem(formProblem(error, FIELDS, t('error'), t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="ad-form ad-card" onSubmit={submit} data-form="template" noValidate>
      <h2>{t('templates.editTitle')}</h2>
      <div className="ad-row">
        <Field label={t('templates.purpose')} name="purpose" problem={problem}>
          <select
            name="purpose"
            value={purpose}
            onChange={(e) => setPurpose(e.target.value as Template['purpose'])}
          >
            {PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`templates.purposes.${p}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('templates.description')} name="description" problem={problem}>
          <input name="description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
      </div>
      <div className="ad-locales">
        {LOCALES.map((locale) => (
          <fieldset key={locale} data-locale={locale}>
            <legend>{t(locale === 'id' ? 'templates.localeId' : 'templates.localeEn')}</legend>
            {email && (
              <Field label={t('templates.subject')} name={`content.${locale}.subject`} problem={problem}>
                <input
                  name={`${locale}.subject`}
                  value={content[locale].subject ?? ''}
                  onChange={(e) => setPart(locale, 'subject', e.target.value)}
                />
              </Field>
            )}
            {email && (
              <Field label={t('templates.html')} name={`content.${locale}.html`} problem={problem}>
                <textarea
                  name={`${locale}.html`}
                  rows={6}
                  spellCheck={false}
                  value={content[locale].html ?? ''}
                  onChange={(e) => setPart(locale, 'html', e.target.value)}
                />
              </Field>
            )}
            <Field label={t('templates.text')} name={`content.${locale}.text`} problem={problem}>
              <textarea
                name={`${locale}.text`}
                rows={email ? 6 : 7}
                value={content[locale].text}
                onChange={(e) => setPart(locale, 'text', e.target.value)}
              />
            </Field>
          </fieldset>
        ))}
      </div>
      <Field
        label={t('templates.sampleData')}
        name="sampleData"
        problem={problem}
        hint={t('templates.sampleDataHint')}
      >
        <textarea
          name="sampleData"
          rows={5}
          spellCheck={false}
          value={sample}
          aria-invalid={sampleProblem !== null}
          onChange={(e) => setSample(e.target.value)}
        />
      </Field>
      {sampleProblem && (
        <p className="error" role="alert">
          {sampleProblem}
        </p>
      )}
      <Problems problem={problem} />
      <div className="dialog-actions">
        <button type="submit" disabled={busy || sampleProblem !== null}>
          {t('templates.saveVersion')}
        </button>
      </div>
    </form>
  );
}
