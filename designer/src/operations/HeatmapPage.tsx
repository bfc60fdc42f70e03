import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, formatDuration, formatNumber } from '../format.ts';
import { href, navigate } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { definitionStatistics, definitionXml, getDefinition, searchDefinitions } from './api.ts';
import { BpmnDiagram } from './BpmnDiagram.tsx';
import { HEAT_LEVELS, heatmapLayers, volume } from './heatmap.ts';

async function loadHeatmap(definitionKey: string) {
  const definition = await getDefinition(definitionKey);
  const [versions, statistics, xml] = await Promise.all([
    searchDefinitions({
      filter: { processDefinitionId: definition.processDefinitionId },
      sort: [{ field: 'version', order: 'DESC' }],
      page: { limit: 1000 },
    }),
    definitionStatistics(definitionKey),
    definitionXml(definitionKey),
  ]);
  return { definition, versions: versions.items, statistics: statistics.items, xml };
}

/** Per process version: how many instances each element holds or has passed, and how long it takes. */
export function HeatmapPage({ definitionKey }: { definitionKey: string }) {
  const { t, i18n } = useTranslation('operations');
  const { data, error, loading, reload } = useLoad(() => loadHeatmap(definitionKey), definitionKey);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [diagramError, setDiagramError] = useState<string | null>(null);
  const n = (value: number) => formatNumber(value, i18n.language);
  const layers = useMemo(() => {
    const n = (value: number) => formatNumber(value, i18n.language);
    // A shape's box: counts on the first line, the average duration on the second.
    return heatmapLayers(data?.statistics ?? [], {
      counts: (s) => `▶ ${n(s.active)} · ✓ ${n(s.completed)} · ! ${n(s.incidents)}`,
      average: (ms) => `⌀ ${formatDuration(ms, i18n.language)}`,
      title: (s) =>
        t('heatmap.elementTitle', {
          active: n(s.active),
          completed: n(s.completed),
          incidents: n(s.incidents),
          average: formatDuration(s.averageDurationMs, i18n.language),
        }),
    });
  }, [data?.statistics, i18n.language, t]);

  if (!data) {
    return (
      <section className="page op-page">
        {error !== undefined ? (
          <p className="error" role="alert">
            {errorText(error, t('error'))}
          </p>
        ) : (
          loading && <p className="muted">{t('loading')}</p>
        )}
        <a href={href('operations')}>{t('heatmap.back')}</a>
      </section>
    );
  }
  const { definition, versions, statistics } = data;
  const rows = [...statistics].sort((a, b) => volume(b) - volume(a));

  return (
    <section className="page op-page op-heatmap">
      <header className="op-header">
        <div>
          <h1>{t('heatmap.title', { name: definition.name ?? definition.processDefinitionId })}</h1>
          <p className="muted">{t('heatmap.intro')}</p>
        </div>
        <div className="op-actions">
          <label>
            {t('filters.version')}{' '}
            <select
              name="version"
              value={definition.processDefinitionKey}
              onChange={(e) => navigate('operations', 'heatmap', e.target.value)}
            >
              {versions.map((version) => (
                <option key={version.processDefinitionKey} value={version.processDefinitionKey}>
                  v{version.version}
                </option>
              ))}
            </select>
          </label>
          <a
            href={href('operations', 'instances', definition.processDefinitionId, String(definition.version))}
          >
            {t('processes.allInstances')}
          </a>
          <button type="button" className="secondary" onClick={() => void reload()}>
            {t('refresh')}
          </button>
        </div>
      </header>
      {error !== undefined && (
        <p className="error" role="alert">
          {errorText(error, t('error'))}
        </p>
      )}
      {diagramError && (
        <p className="error" role="alert">
          {diagramError}
        </p>
      )}
      {statistics.length === 0 && <p className="empty-note">{t('heatmap.empty')}</p>}
      <div className="op-diagram-frame">
        <BpmnDiagram
          xml={data.xml}
          markers={layers.markers}
          overlays={layers.overlays}
          label={t('diagram.label', { name: definition.name ?? definition.processDefinitionId })}
          onError={(reason) => setDiagramError(t('diagram.unavailable', { reason }))}
          onNames={setNames}
        />
        <ol className="op-heat-scale" aria-label={t('heatmap.scale')}>
          <li>{t('heatmap.few')}</li>
          {Array.from({ length: HEAT_LEVELS }, (_, i) => i + 1).map((level) => (
            <li key={level} className={`op-heat-swatch op-heat-swatch-${level}`} aria-hidden="true" />
          ))}
          <li>{t('heatmap.many')}</li>
        </ol>
      </div>
      {rows.length > 0 && (
        <table className="op-heat-table">
          <thead>
            <tr>
              <th>{t('instance.element')}</th>
              <th>{t('heatmap.active')}</th>
              <th>{t('heatmap.completed')}</th>
              <th>{t('heatmap.terminated')}</th>
              <th>{t('heatmap.incidents')}</th>
              <th>{t('heatmap.average')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.elementId} data-element-id={s.elementId}>
                <td>
                  {names.get(s.elementId) ?? s.elementId}
                  {names.has(s.elementId) && <code className="muted op-inline">{s.elementId}</code>}
                </td>
                <td>{n(s.active)}</td>
                <td>{n(s.completed)}</td>
                <td>{n(s.terminated ?? 0)}</td>
                <td>{s.incidents > 0 ? <span className="badge danger">{n(s.incidents)}</span> : n(0)}</td>
                <td>{formatDuration(s.averageDurationMs, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
