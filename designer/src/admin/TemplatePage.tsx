import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.ts';
import { href } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { archiveTemplate, getTemplate, templateVersions } from './api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { LoadState, Notice } from './parts.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';
import { TemplatePreview } from './TemplatePreview.tsx';
import type { Channel, Template } from './types.ts';

/** One template (`#/admin/templates/<key>/<channel>`): edit, preview, versions, archive. */
export function TemplatePage({ templateKey, channel }: { templateKey: string; channel: Channel }) {
  const { t, i18n } = useTranslation('admin');
  const load = async () => {
    const [template, versions] = await Promise.all([
      getTemplate(templateKey, channel),
      templateVersions(templateKey, channel),
    ]);
    return { template, versions };
  };
  const loaded = useLoad(load, `${templateKey}/${channel}`);
  const [notice, setNotice] = useState<string | null>(null);
  const [archiving, setArchiving] = useState(false);
  const data = loaded.data;
  const saved = (template: Template) => {
    setNotice(t('templates.savedVersion', { version: template.version }));
    void loaded.reload();
  };

  return (
    <section
      className="page ad-page"
      aria-labelledby="ad-template-title"
      data-template-page={`${templateKey}/${channel}`}
    >
      <a href={href('admin', 'templates')}>{t('templates.back')}</a>
      <header className="ad-header">
        <h1 id="ad-template-title">
          <code>{templateKey}</code> · {t(`templates.channels.${channel}`)}
          {data && (
            <span className="badge ad-inline" data-version={data.template.version}>
              v{data.template.version}
            </span>
          )}
          {data?.template.archived && <span className="badge warn ad-inline">{t('templates.archived')}</span>}
        </h1>
        {data && !data.template.archived && (
          <button type="button" className="secondary" onClick={() => setArchiving(true)}>
            {t('templates.archive')}
          </button>
        )}
      </header>
      {data?.template.archived && <p className="ad-missing">{t('templates.archivedNotice')}</p>}
      <Notice text={notice} />
      <LoadState loading={loaded.loading && !data} error={loaded.error} empty={false} emptyText="">
        {data && (
          <div className="ad-template">
            <TemplateEditor key={data.template.version} template={data.template} onSaved={saved} />
            <div className="ad-side">
              <TemplatePreview
                key={data.template.version}
                template={data.template}
                versions={data.versions.map((v) => v.version)}
              />
              <section className="ad-card" aria-labelledby="ad-versions-title" data-section="versions">
                <h2 id="ad-versions-title">{t('templates.versions')}</h2>
                <ol className="ad-versions">
                  {data.versions.map((v) => (
                    <li key={v.version} data-version={v.version}>
                      <strong>v{v.version}</strong>
                      {v.version === data.template.version && (
                        <span className="badge ok ad-inline">{t('templates.current')}</span>
                      )}{' '}
                      <span className="muted">
                        {formatDateTime(v.updatedAt, i18n.language)} ·{' '}
                        {t('templates.by', { user: v.updatedBy })}
                      </span>
                    </li>
                  ))}
                </ol>
              </section>
            </div>
          </div>
        )}
      </LoadState>
      {archiving && (
        <ConfirmDialog
          title={t('templates.archive')}
          text={t('templates.confirmArchive', {
            key: templateKey,
            channel: t(`templates.channels.${channel}`),
          })}
          confirm={t('templates.archive')}
          danger
          onClose={() => setArchiving(false)}
          onConfirm={async () => {
            await archiveTemplate(templateKey, channel);
            await loaded.reload();
          }}
        />
      )}
    </section>
  );
}
