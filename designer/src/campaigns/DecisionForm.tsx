import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { errorText } from '../format.ts';
import { approveCampaign, rejectCampaign } from './api.ts';

type Decision = 'approve' | 'reject';

/** The refusals a checker can meet, in plain words; anything else in the server's own. */
function refusal(error: unknown): 'fourEyes' | 'notReady' | 'notPending' | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'FOUR_EYES') return 'fourEyes';
  if (error.code === 'APPROVAL_NOT_READY') return 'notReady';
  if (error.code === 'INVALID_STATUS') return 'notPending';
  return undefined;
}

/** Approve or reject with a comment (required to reject); the server checks four eyes. */
export function DecisionForm({
  id,
  own,
  onDecided,
}: {
  id: string;
  own: boolean;
  onDecided(d: Decision): void;
}) {
  const { t } = useTranslation('campaigns');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; decision: Decision }>();
  const [missing, setMissing] = useState(false);

  const decide = async (decision: Decision) => {
    if (decision === 'reject' && !comment.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setFailure(undefined);
    try {
      await (decision === 'approve' ? approveCampaign(id, comment) : rejectCampaign(id, comment));
      onDecided(decision);
    } catch (error) {
      setFailure({ error, decision });
    } finally {
      setBusy(false);
    }
  };
  const kind = failure ? refusal(failure.error) : undefined;

  return (
    <form className="cmp-card cmp-decision" onSubmit={(e) => e.preventDefault()} data-decision-form>
      {own && (
        <p className="cmp-warning" role="note">
          {t('decision.ownWarning')}
        </p>
      )}
      <label className="cmp-field">
        {t('decision.comment')}
        <textarea
          name="comment"
          rows={3}
          value={comment}
          maxLength={2000}
          aria-invalid={missing ? true : undefined}
          aria-describedby="cmp-comment-hint"
          onChange={(e) => setComment(e.target.value)}
        />
        <small
          id="cmp-comment-hint"
          className={missing ? 'error' : 'muted'}
          role={missing ? 'alert' : undefined}
        >
          {missing ? t('decision.commentRequired') : t('decision.commentHint')}
        </small>
      </label>
      {failure && (
        <div className="cmp-refusal" role="alert" data-refusal={kind ?? 'other'}>
          <p>{kind ? t(`decision.${kind}`) : errorText(failure.error, '')}</p>
          {kind === 'notReady' && (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void decide(failure.decision)}
            >
              {t('retry')}
            </button>
          )}
        </div>
      )}
      <div className="cmp-actions">
        <button type="button" name="approve" disabled={busy} onClick={() => void decide('approve')}>
          {t('decision.approve')}
        </button>
        <button
          type="button"
          name="reject"
          className="danger"
          disabled={busy}
          onClick={() => void decide('reject')}
        >
          {t('decision.reject')}
        </button>
      </div>
    </form>
  );
}
