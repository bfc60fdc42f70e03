import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href } from '../router.ts';
import { type DeployRequest, designerApi, type ModelSummary } from './api.ts';
import { errorText, formatTime } from './format.ts';
import { useModelerPermissions } from './permissions.ts';

interface Props {
  requests: DeployRequest[];
  models: ModelSummary[];
  onChanged(): void;
}

/**
 * Deploy requests with their decision: four eyes — a person never approves their own request,
 * so the approve button is not offered on one's own request (the server refuses it anyway).
 */
export function DeployRequests({ requests, models, onChanged }: Props) {
  const { t } = useTranslation('modeler');
  if (requests.length === 0) return <p className="muted">{t('governance.none')}</p>;
  return (
    <ul className="deploy-requests">
      {requests.map((request) => (
        <RequestItem
          key={request.id}
          request={request}
          model={models.find((m) => m.id === request.modelId)}
          onChanged={onChanged}
        />
      ))}
    </ul>
  );
}

function RequestItem({
  request,
  model,
  onChanged,
}: {
  request: DeployRequest;
  model: ModelSummary | undefined;
  onChanged(): void;
}) {
  const { t, i18n } = useTranslation('modeler');
  const { canApprove, username } = useModelerPermissions();
  const [deciding, setDeciding] = useState<'approve' | 'reject'>();
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const own = request.requestedBy === username;
  const baseline = model?.deployedVersion ?? request.version - 1;
  const comparable = baseline >= 1 && baseline !== request.version;

  const decide = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      if (deciding === 'approve') await designerApi.approve(request.id, comment.trim());
      else await designerApi.reject(request.id, comment.trim());
      setDeciding(undefined);
      onChanged();
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={`deploy-request state-${request.state}`} data-request={request.id}>
      <div className="request-head">
        <a href={href('processes', request.modelId, 'requests')}>{model?.name ?? request.modelId}</a>
        <span className="badge">v{request.version}</span>
        <span className={`badge ${stateBadge(request.state)}`}>
          {t(`governance.states.${request.state}`)}
        </span>
        <span className="muted small">
          {t('governance.requestedBy', {
            who: request.requestedBy,
            when: formatTime(request.requestedAt, i18n.language),
          })}
        </span>
      </div>
      {request.comment && <p className="request-comment">“{request.comment}”</p>}
      {request.state !== 'pending' && (
        <p className="muted small">
          {t(request.state === 'deployed' ? 'governance.approvedBy' : 'governance.rejectedBy', {
            who: request.approvedBy ?? request.decidedBy ?? '—',
          })}
          {request.deployment &&
            ` · ${t('governance.engineVersion', { version: request.deployment.version })}`}
          {request.decisionComment && ` · “${request.decisionComment}”`}
        </p>
      )}
      {request.state === 'pending' && (
        <div className="actions">
          {comparable && (
            <a
              className="button secondary"
              href={href('processes', request.modelId, 'compare', String(baseline), String(request.version))}
            >
              {t('governance.compare', { from: baseline, to: request.version })}
            </a>
          )}
          {canApprove && !own && !deciding && (
            <>
              <button type="button" name="approve" onClick={() => setDeciding('approve')}>
                {t('governance.approve')}
              </button>
              <button type="button" name="reject" className="danger" onClick={() => setDeciding('reject')}>
                {t('governance.reject')}
              </button>
            </>
          )}
          {own && <span className="muted small">{t('governance.ownRequest')}</span>}
        </div>
      )}
      {deciding && (
        <form className="decision" onSubmit={(event) => void decide(event)}>
          <label>
            <span>
              {t(deciding === 'approve' ? 'governance.approveComment' : 'governance.rejectComment')}
            </span>
            <input
              name="decision-comment"
              value={comment}
              required={deciding === 'reject'}
              onChange={(event) => setComment(event.target.value)}
            />
          </label>
          <button
            type="submit"
            name="confirm"
            disabled={busy}
            className={deciding === 'reject' ? 'danger' : ''}
          >
            {t(deciding === 'approve' ? 'governance.confirmApprove' : 'governance.confirmReject')}
          </button>
          <button type="button" className="secondary" onClick={() => setDeciding(undefined)}>
            {t('cancel')}
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function stateBadge(state: DeployRequest['state']): string {
  return state === 'deployed' ? 'ok' : state === 'rejected' ? 'danger' : 'warn';
}
