import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format.ts';
import { useLoad } from '../use-load.ts';
import type { Rendered } from './types.ts';

/**
 * A message as the customer would receive it, in either language of the template. An e-mail's
 * HTML is shown in a sandboxed frame (no scripts, no navigation): it is the bank's template,
 * but filled in with typed data.
 */
export function MessagePreview({
  load,
  loadKey,
  sampleName,
}: {
  load: ((locale: 'id' | 'en') => Promise<Rendered>) | undefined;
  loadKey: string;
  sampleName: string;
}) {
  const { t, i18n } = useTranslation('campaigns');
  const [locale, setLocale] = useState<'id' | 'en'>(i18n.language === 'en' ? 'en' : 'id');
  const loaded = useLoad(async () => (load ? load(locale) : undefined), `${loadKey}/${locale}`);
  const message = loaded.data;
  return (
    <section className="cmp-preview" data-preview aria-busy={loaded.loading}>
      <div className="cmp-preview-head">
        <h2>{t('preview.title')}</h2>
        <label>
          {t('preview.language')}{' '}
          <select
            name="previewLocale"
            value={locale}
            onChange={(e) => setLocale(e.target.value as 'id' | 'en')}
          >
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      {!load ? (
        <p className="muted">{t('preview.none')}</p>
      ) : loaded.error !== undefined ? (
        <p className="error" role="alert">
          {t('preview.failed', { error: errorText(loaded.error, '') })}
        </p>
      ) : !message ? (
        <p className="loading">{t('preview.loading')}</p>
      ) : (
        <>
          <p className="muted">{t('preview.sample', { name: sampleName })}</p>
          {message.subject && (
            <p data-preview-subject>
              <strong>{t('preview.subject')}:</strong> {message.subject}
            </p>
          )}
          {message.html ? (
            <iframe
              className="cmp-preview-html"
              title={t('preview.title')}
              sandbox=""
              srcDoc={message.html}
            />
          ) : null}
          <pre className="cmp-preview-text" data-preview-text>
            {message.text}
          </pre>
        </>
      )}
    </section>
  );
}
