import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.ts';
import { href } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { listTemplates } from './api.ts';
import { AdminPage, LoadState } from './parts.tsx';

/** Every notification template at its current version, per key and channel. */
export function TemplatesPage() {
  const { t, i18n } = useTranslation('admin');
  const templates = useLoad(listTemplates, 'templates');
  const [showArchived, setShowArchived] = useState(false);
  const shown = (templates.data ?? [])
    .filter((tpl) => showArchived || !tpl.archived)
    .sort((a, b) => a.key.localeCompare(b.key) || a.channel.localeCompare(b.channel));

  return (
    <AdminPage
      id="templates"
      title={t('templates.title')}
      intro={t('templates.intro')}
      action={
        <label className="ad-check">
          <input
            type="checkbox"
            name="archived"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
          />
          {t('templates.showArchived')}
        </label>
      }
    >
      <LoadState
        loading={templates.loading && !templates.data}
        error={templates.error}
        empty={shown.length === 0}
        emptyText={t('templates.empty')}
      >
        <table className="ad-table" data-table="templates">
          <thead>
            <tr>
              <th>{t('templates.key')}</th>
              <th>{t('templates.channel')}</th>
              <th>{t('templates.purpose')}</th>
              <th>{t('templates.description')}</th>
              <th>{t('templates.version')}</th>
              <th>{t('templates.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((tpl) => (
              <tr key={`${tpl.key}/${tpl.channel}`} data-template={`${tpl.key}/${tpl.channel}`}>
                <td>
                  <a href={href('admin', 'templates', tpl.key, tpl.channel)}>
                    <code>{tpl.key}</code>
                  </a>
                  {tpl.archived && <span className="badge ad-inline">{t('templates.archived')}</span>}
                </td>
                <td>{t(`templates.channels.${tpl.channel}`)}</td>
                <td>
                  <span className={`badge ${tpl.purpose === 'marketing' ? 'warn' : 'ok'}`}>
                    {t(`templates.purposes.${tpl.purpose}`)}
                  </span>
                </td>
                <td>{tpl.description ?? t('none')}</td>
                <td>v{tpl.version}</td>
                <td className="muted ad-small ad-nowrap">
                  {formatDateTime(tpl.updatedAt, i18n.language)} · {tpl.updatedBy}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </LoadState>
    </AdminPage>
  );
}
