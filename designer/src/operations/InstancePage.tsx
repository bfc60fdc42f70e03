import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { errorText, formatDateTime } from '../format.ts';
import { href } from '../router.ts';
import { useLoad } from '../use-load.ts';
import {
  cancelInstance,
  definitionXml,
  getInstance,
  retryIncident,
  searchElementInstances,
  searchIncidents,
  searchVariables,
} from './api.ts';
import { BpmnDiagram } from './BpmnDiagram.tsx';
import { ElementInstancesTable, IncidentsList, VariablesTable } from './InstanceDetails.tsx';
import { instanceMarkers } from './instance-diagram.ts';
import { StateBadge } from './StateBadge.tsx';
import type { Incident } from './types.ts';

/** While an instance runs, it is read again this often, so its token visibly moves. */
export const REFRESH_MS = 2_000;
const ALL = { limit: 1000 };

async function loadInstance(key: string) {
  const instance = await getInstance(key);
  const filter = { processInstanceKey: key };
  const [elements, variables, incidents] = await Promise.all([
    searchElementInstances({
      filter,
      sort: [
        { field: 'startDate', order: 'ASC' },
        { field: 'elementInstanceKey', order: 'ASC' },
      ],
      page: ALL,
    }),
    searchVariables({ filter, sort: [{ field: 'name', order: 'ASC' }], page: ALL }),
    searchIncidents({ filter, sort: [{ field: 'creationTime', order: 'DESC' }], page: ALL }),
  ]);
  return { instance, elements: elements.items, variables: variables.items, incidents: incidents.items };
}

/** One instance: its diagram with tokens and incidents marked, its steps, variables and incidents. */
export function InstancePage({ instanceKey, canOperate }: { instanceKey: string; canOperate: boolean }) {
  const { t, i18n } = useTranslation('operations');
  const [pollMs, setPollMs] = useState<number | null>(REFRESH_MS);
  const loaded = useLoad(() => loadInstance(instanceKey), instanceKey, pollMs);
  const data = loaded.data;
  const active = data?.instance.state === 'ACTIVE';
  useEffect(() => {
    if (data) setPollMs(active ? REFRESH_MS : null);
  }, [data, active]);
  const definitionKey = data?.instance.processDefinitionKey;
  const xml = useLoad(
    () => (definitionKey ? definitionXml(definitionKey) : Promise.resolve(null)),
    definitionKey ?? '',
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const elementNames = useMemo(
    () => new Map((data?.elements ?? []).map((e) => [e.elementInstanceKey, e.elementName])),
    [data?.elements],
  );
  const diagram = useMemo(
    () =>
      instanceMarkers(data?.elements ?? [], data?.incidents ?? [], {
        active: (count) => t('diagram.activeCount', { count }),
        completed: (count) => t('diagram.completedCount', { count }),
        incidents: (count) => t('diagram.incidentCount', { count }),
      }),
    [data?.elements, data?.incidents, t],
  );

  const act = async (id: string, action: () => Promise<unknown>, done: string) => {
    setBusy(id);
    setNotice(null);
    setFailure(null);
    try {
      await action();
      setNotice(done);
      await loaded.reload();
    } catch (error) {
      setFailure(errorText(error, t('error')));
    } finally {
      setBusy(null);
    }
  };
  const retry = (incident: Incident) =>
    act(incident.incidentKey, () => retryIncident(incident.incidentKey), t('instance.retried'));
  const cancel = () => {
    setConfirming(false);
    void act('cancel', () => cancelInstance(instanceKey), t('instance.cancelled'));
  };

  if (!data) {
    return (
      <section className="page op-page">
        {loaded.error !== undefined ? (
          <p className="error" role="alert">
            {errorText(loaded.error, t('error'))}
          </p>
        ) : (
          <p className="muted">{t('loading')}</p>
        )}
        <a href={href('operations', 'instances')}>{t('instance.back')}</a>
      </section>
    );
  }
  const { instance } = data;
  const problem = failure ?? (loaded.error !== undefined ? errorText(loaded.error, t('error')) : null);
  const openIncidents = data.incidents.filter((incident) => incident.state === 'ACTIVE');

  return (
    <section className="page op-page op-instance" data-state={instance.state}>
      <header className="op-header">
        <div>
          <h1>
            {instance.processDefinitionName}{' '}
            <span className="muted">v{instance.processDefinitionVersion}</span>
          </h1>
          <p className="muted op-meta">
            {t('instance.key')} <code>{instance.processInstanceKey}</code> · {t('instance.started')}{' '}
            {formatDateTime(instance.startDate, i18n.language)}
            {instance.endDate &&
              ` · ${t('instance.ended')} ${formatDateTime(instance.endDate, i18n.language)}`}
          </p>
        </div>
        <div className="op-actions">
          <StateBadge state={instance.state} />
          {openIncidents.length > 0 && (
            <span className="badge danger">
              {t('instance.openIncidents', { count: openIncidents.length })}
            </span>
          )}
          {active && <span className="muted op-live">{t('instance.live')}</span>}
          <a href={href('operations', 'heatmap', instance.processDefinitionKey)}>{t('heatmap.open')}</a>
          {canOperate && active && (
            <button
              type="button"
              className="danger"
              disabled={busy !== null}
              onClick={() => setConfirming(true)}
            >
              {t('instance.cancel')}
            </button>
          )}
        </div>
      </header>
      {notice && (
        <p className="op-notice" role="status">
          {notice}
        </p>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="op-diagram-frame">
        {xml.error !== undefined && (
          <p className="error" role="alert">
            {t('diagram.unavailable', { reason: errorText(xml.error, t('error')) })}
          </p>
        )}
        {xml.data ? (
          <BpmnDiagram
            xml={xml.data}
            markers={diagram.markers}
            overlays={diagram.overlays}
            label={t('diagram.label', { name: instance.processDefinitionName })}
            onError={(reason) => setFailure(t('diagram.unavailable', { reason }))}
          />
        ) : (
          xml.error === undefined && <p className="muted">{t('loading')}</p>
        )}
        <ul className="op-legend" aria-label={t('diagram.legend')}>
          <li className="op-legend-active">{t('diagram.active')}</li>
          <li className="op-legend-completed">{t('diagram.completed')}</li>
          <li className="op-legend-incident">{t('diagram.incident')}</li>
          <li className="op-legend-terminated">{t('diagram.terminated')}</li>
        </ul>
      </div>
      <section className="op-section" aria-labelledby="op-incidents">
        <h2 id="op-incidents">{t('instance.incidents')}</h2>
        <IncidentsList
          incidents={data.incidents}
          elementNames={elementNames}
          canOperate={canOperate}
          busy={busy}
          onRetry={(incident) => void retry(incident)}
        />
      </section>
      <div className="op-columns">
        <section className="op-section" aria-labelledby="op-elements">
          <h2 id="op-elements">{t('instance.elements')}</h2>
          <ElementInstancesTable elements={data.elements} />
        </section>
        <section className="op-section" aria-labelledby="op-variables">
          <h2 id="op-variables">{t('instance.variables')}</h2>
          <p className="muted op-hint">{t('instance.maskedHint')}</p>
          <VariablesTable
            variables={data.variables}
            processInstanceKey={instance.processInstanceKey}
            elementNames={elementNames}
          />
        </section>
      </div>
      {confirming && (
        <Dialog title={t('instance.cancelTitle')} onClose={() => setConfirming(false)}>
          <p>{t('instance.cancelQuestion', { key: instance.processInstanceKey })}</p>
          <div className="dialog-actions">
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('instance.keep')}
            </button>
            <button type="button" className="danger" onClick={cancel}>
              {t('instance.confirmCancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
