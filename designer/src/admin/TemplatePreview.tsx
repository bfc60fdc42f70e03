import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../use-load.ts';
import { previewTemplate } from './api.ts';
import { LoadState } from './parts.tsx';
import type { Channel, Template } from './types.ts';

/**
 * What a customer would receive, rendered by the server from a saved version with its sample
 * data. Text is shown as text; e-mail HTML only inside a sandboxed iframe (no scripts, no
 * access to this page), since a template is authored content.
 */
export function TemplatePreview({ template, versions }: { template: Template; versions: number[] }) {
  const { t } = useTranslation('admin');
  const [locale, setLocale] = useState<'id' | 'en'>('id');
  const [version, setVersion] = useState(template.version);
  const channel: Channel = template.channel;
  const rendered = useLoad(
    () => previewTemplate(template.key, channel, { locale, version }),
    `${template.key}/${channel}/${locale}/${version}`,
  );

  return (
    <section className="ad-card ad-preview" aria-labelledby="ad-preview-title" data-section="preview">
      <h2 id="ad-preview-title">{t('templates.previewOf', { version })}</h2>
      <div className="ad-row">
        <label>
          {t('templates.previewLocale')}
          <select
            name="previewLocale"
            value={locale}
            onChange={(e) => setLocale(e.target.value as 'id' | 'en')}
          >
            <option value="id">{t('templates.localeId')}</option>
            <option value="en">{t('templates.localeEn')}</option>
          </select>
        </label>
        <label>
          {t('templates.previewVersion')}
          <select name="previewVersion" value={version} onChange={(e) => setVersion(Number(e.target.value))}>
            {versions.map((v) => (
              <option key={v} value={v}>
                v{v}
              </option>
            ))}
          </select>
        </label>
      </div>
      <LoadState
        loading={rendered.loading && !rendered.data}
        error={rendered.error}
        empty={false}
        emptyText=""
      >
        {rendered.data && (
          <div className="ad-rendered" data-rendered-version={version} data-rendered-locale={locale}>
            {rendered.data.subject !== undefined && (
              <p data-rendered="subject">
                <strong>{t('templates.renderedSubject')}:</strong> {rendered.data.subject}
              </p>
            )}
            {rendered.data.html !== undefined && (
              <>
                <h3>{t('templates.renderedHtml')}</h3>
                <iframe
                  className="ad-mail"
                  title={t('templates.renderedHtml')}
                  sandbox=""
                  srcDoc={rendered.data.html}
                  data-rendered="html"
                />
              </>
            )}
            <h3>{t('templates.renderedText')}</h3>
            <pre className="ad-text" data-rendered="text">
              {rendered.data.text}
            </pre>
          </div>
        )}
      </LoadState>
    </section>
  );
}
