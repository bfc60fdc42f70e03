import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, formatNumber } from '../format.ts';
import { href, navigate } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { allDefinitions, count, searchIncidents, searchInstances } from './api.ts';
import { StartInstanceDialog } from './StartInstanceDialog.tsx';
import type { ProcessDefinition } from './types.ts';

interface VersionRow extends ProcessDefinition {
  active: number;
  incidents: number;
}

interface ProcessGroup {
  processDefinitionId: string;
  name: string;
  versions: VersionRow[];
}

/** Every deployed process with its versions (newest first) and what runs on each. */
async function loadProcesses(): Promise<ProcessGroup[]> {
  const definitions = await allDefinitions();
  const rows = await Promise.all(
    definitions.map(async (definition): Promise<VersionRow> => {
      const processDefinitionKey = definition.processDefinitionKey;
      const [active, incidents] = await Promise.all([
        count(searchInstances, { processDefinitionKey, state: 'ACTIVE' }),
        count(searchIncidents, { processDefinitionKey, state: 'ACTIVE' }),
      ]);
      return { ...definition, active, incidents };
    }),
  );
  const groups = new Map<string, ProcessGroup>();
  for (const row of rows) {
    const group = groups.get(row.processDefinitionId) ?? {
      processDefinitionId: row.processDefinitionId,
      name: row.name ?? row.processDefinitionId,
      versions: [],
    };
    group.versions.push(row);
    groups.set(row.processDefinitionId, group);
  }
  return [...groups.values()];
}

export function ProcessesPage({ canOperate }: { canOperate: boolean }) {
  const { t, i18n } = useTranslation('operations');
  const { data, error, loading, reload } = useLoad(loadProcesses, 'processes');
  const [starting, setStarting] = useState<string | null>(null);
  const n = (value: number) => formatNumber(value, i18n.language);

  return (
    <section className="page op-page">
      <header className="op-header">
        <h1>{t('processes.title')}</h1>
        <button type="button" className="secondary" onClick={() => void reload()}>
          {t('refresh')}
        </button>
      </header>
      <p className="muted">{t('processes.intro')}</p>
      {error !== undefined && (
        <p className="error" role="alert">
          {errorText(error, t('error'))}
        </p>
      )}
      {loading && !data && <p className="muted">{t('loading')}</p>}
      {data?.length === 0 && <p className="empty-note">{t('processes.empty')}</p>}
      {data?.map((group) => (
        <article
          key={group.processDefinitionId}
          className="op-card"
          data-process-id={group.processDefinitionId}
        >
          <header className="op-card-header">
            <div>
              <h2>{group.name}</h2>
              <code className="muted">{group.processDefinitionId}</code>
            </div>
            <div className="op-actions">
              <a href={href('operations', 'instances', group.processDefinitionId)}>
                {t('processes.allInstances')}
              </a>
              {canOperate && (
                <button type="button" onClick={() => setStarting(group.processDefinitionId)}>
                  {t('start.open')}
                </button>
              )}
            </div>
          </header>
          <table>
            <thead>
              <tr>
                <th>{t('processes.version')}</th>
                <th>{t('processes.key')}</th>
                <th>{t('processes.resource')}</th>
                <th>{t('processes.active')}</th>
                <th>{t('processes.incidents')}</th>
                <th>
                  <span className="sr-only">{t('processes.links')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {group.versions.map((version, index) => (
                <tr key={version.processDefinitionKey} data-version={version.version}>
                  <td>
                    v{version.version}
                    {index === 0 && <span className="badge ok op-latest">{t('processes.latest')}</span>}
                  </td>
                  <td>
                    <code>{version.processDefinitionKey}</code>
                  </td>
                  <td>{version.resourceName}</td>
                  <td>
                    <a
                      href={href(
                        'operations',
                        'instances',
                        version.processDefinitionId,
                        String(version.version),
                      )}
                      className="op-count"
                    >
                      {n(version.active)}
                    </a>
                  </td>
                  <td>
                    <span className={`badge ${version.incidents > 0 ? 'danger' : ''}`}>
                      {n(version.incidents)}
                    </span>
                  </td>
                  <td className="op-row-actions">
                    <a href={href('operations', 'heatmap', version.processDefinitionKey)}>
                      {t('heatmap.open')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ))}
      {starting && (
        <StartInstanceDialog
          processIds={data?.map((group) => group.processDefinitionId) ?? [starting]}
          initialProcessId={starting}
          onClose={() => setStarting(null)}
          onStarted={(key) => navigate('operations', 'instance', key)}
        />
      )}
    </section>
  );
}
