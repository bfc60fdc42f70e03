import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.ts';
import { StateBadge } from './StateBadge.tsx';
import type { ElementInstance, Incident, Variable } from './types.ts';

/** The steps an instance has taken, oldest first. */
export function ElementInstancesTable({ elements }: { elements: ElementInstance[] }) {
  const { t, i18n } = useTranslation('operations');
  const steps = elements.filter((element) => element.type !== 'PROCESS');
  if (steps.length === 0) return <p className="empty-note">{t('instance.noElements')}</p>;
  return (
    <table className="op-elements">
      <thead>
        <tr>
          <th>{t('instance.element')}</th>
          <th>{t('instance.type')}</th>
          <th>{t('instance.state')}</th>
          <th>{t('instance.started')}</th>
          <th>{t('instance.ended')}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((element) => (
          <tr key={element.elementInstanceKey} data-element-id={element.elementId} data-state={element.state}>
            <td>
              {element.elementName}
              {element.hasIncident && (
                <span className="badge danger op-inline">{t('instance.incident')}</span>
              )}
            </td>
            <td>{t(`elementType.${element.type}`, { defaultValue: element.type })}</td>
            <td>
              <StateBadge state={element.state} />
            </td>
            <td>{formatDateTime(element.startDate, i18n.language)}</td>
            <td>{formatDateTime(element.endDate, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The variables as the server gives them: personal fields come masked for the reader's roles. */
export function VariablesTable({
  variables,
  processInstanceKey,
  elementNames,
}: {
  variables: Variable[];
  processInstanceKey: string;
  elementNames: Map<string, string>;
}) {
  const { t } = useTranslation('operations');
  if (variables.length === 0) return <p className="empty-note">{t('instance.noVariables')}</p>;
  return (
    <table className="op-variables">
      <thead>
        <tr>
          <th>{t('instance.variable')}</th>
          <th>{t('instance.value')}</th>
          <th>{t('instance.scope')}</th>
        </tr>
      </thead>
      <tbody>
        {variables.map((variable) => (
          <tr key={variable.variableKey} data-variable={variable.name}>
            <td>
              <code>{variable.name}</code>
            </td>
            <td className="op-value">
              <code>{variable.value}</code>
              {variable.isTruncated && <span className="muted op-inline">{t('instance.truncated')}</span>}
            </td>
            <td className="muted">
              {variable.scopeKey === processInstanceKey
                ? t('instance.processScope')
                : (elementNames.get(variable.scopeKey) ?? variable.scopeKey)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Open and resolved incidents with what went wrong; open ones can be retried by operators. */
export function IncidentsList({
  incidents,
  elementNames,
  canOperate,
  busy,
  onRetry,
}: {
  incidents: Incident[];
  elementNames: Map<string, string>;
  canOperate: boolean;
  busy: string | null;
  onRetry(incident: Incident): void;
}) {
  const { t, i18n } = useTranslation('operations');
  if (incidents.length === 0) return <p className="empty-note">{t('instance.noIncidents')}</p>;
  return (
    <ul className="op-incidents">
      {incidents.map((incident) => (
        <li key={incident.incidentKey} data-incident-key={incident.incidentKey} data-state={incident.state}>
          <div className="op-incident-head">
            <span className={`badge ${incident.state === 'ACTIVE' ? 'danger' : ''}`}>
              {t(`incidentState.${incident.state}`, { defaultValue: incident.state })}
            </span>
            <strong>{elementNames.get(incident.elementInstanceKey) ?? incident.elementId}</strong>
            <span className="muted">
              {t(`errorType.${incident.errorType}`, { defaultValue: incident.errorType })}
            </span>
            <span className="muted">{formatDateTime(incident.creationTime, i18n.language)}</span>
            {canOperate && incident.state === 'ACTIVE' && (
              <button
                type="button"
                className="op-retry"
                disabled={busy === incident.incidentKey}
                onClick={() => onRetry(incident)}
              >
                {t('instance.retry')}
              </button>
            )}
          </div>
          <p className="op-incident-message">{incident.errorMessage || t('instance.noMessage')}</p>
        </li>
      ))}
    </ul>
  );
}
