import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href, navigate } from '../router.ts';
import type { DeployRequest, ModelDetail } from './api.ts';
import { formatTime } from './format.ts';

/** Every saved version (author, time, comment, deployed); open one read-only or compare two. */
export function VersionsPanel({ model, requests }: { model: ModelDetail; requests: DeployRequest[] }) {
  const { t, i18n } = useTranslation('modeler');
  const [chosen, setChosen] = useState<number[]>(() => model.versions.slice(0, 2).map((v) => v.version));
  const toggle = (version: number) =>
    setChosen((previous) =>
      previous.includes(version) ? previous.filter((v) => v !== version) : [...previous, version].slice(-2),
    );
  const [from, to] = [...chosen].sort((a, b) => a - b);
  const canCompare = model.kind === 'bpmn' && from !== undefined && to !== undefined;

  return (
    <section className="versions-panel">
      {model.kind === 'bpmn' && (
        <div className="toolbar">
          <span className="muted">{t('versions.chooseTwo')}</span>
          <button
            type="button"
            name="compare"
            disabled={!canCompare}
            onClick={() => canCompare && navigate('processes', model.id, 'compare', String(from), String(to))}
          >
            {canCompare ? t('versions.compareThese', { from, to }) : t('versions.compare')}
          </button>
        </div>
      )}
      <table className="versions">
        <thead>
          <tr>
            {model.kind === 'bpmn' && <th aria-label={t('versions.choose')} />}
            <th>{t('versions.version')}</th>
            <th>{t('versions.author')}</th>
            <th>{t('versions.time')}</th>
            <th>{t('versions.comment')}</th>
            <th>{t('versions.state')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {model.versions.map((version) => {
            const pending = requests.some((r) => r.version === version.version && r.state === 'pending');
            return (
              <tr key={version.version} data-version={version.version}>
                {model.kind === 'bpmn' && (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('versions.chooseVersion', { version: version.version })}
                      checked={chosen.includes(version.version)}
                      onChange={() => toggle(version.version)}
                    />
                  </td>
                )}
                <td>v{version.version}</td>
                <td>{version.author}</td>
                <td>{formatTime(version.createdAt, i18n.language)}</td>
                <td>{version.comment || <span className="muted">—</span>}</td>
                <td>
                  {version.deployed && <span className="badge ok">{t('versions.deployed')}</span>}{' '}
                  {pending && <span className="badge warn">{t('versions.pending')}</span>}
                </td>
                <td>
                  <a href={href('processes', model.id, 'v', String(version.version))}>{t('versions.open')}</a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
