import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format.ts';
import { href } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { campaignContent, getCampaign, type Step, stepCampaign } from './api.ts';
import { CampaignFacts } from './CampaignFacts.tsx';
import { Conditions } from './Conditions.tsx';
import { ConfirmCancel } from './ConfirmCancel.tsx';
import { canCancel, canEdit, canPause, isLive } from './campaign-logic.ts';
import { FunnelSection } from './FunnelSection.tsx';
import { LoadFailure } from './LoadFailure.tsx';
import { MessagePreview } from './MessagePreview.tsx';
import { ProgressSection } from './ProgressSection.tsx';
import { StatusBadge } from './StatusBadge.tsx';

const SAMPLE_NAME = 'Budi Santoso';

/** One campaign: its facts, the checker's comment, the maker's steps, progress and funnel (live). */
export function CampaignPage({ id, maker }: { id: string; maker: boolean }) {
  const { t } = useTranslation('campaigns');
  const [live, setLive] = useState(true);
  const loaded = useLoad(() => getCampaign(id), id, live ? 2_000 : null);
  const [failure, setFailure] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const campaign = loaded.data;
  const nowLive = campaign ? isLive(campaign.status) : true;
  if (nowLive !== live) setLive(nowLive);

  const step = async (which: Step) => {
    setBusy(true);
    setFailure(undefined);
    setNotice('');
    try {
      await stepCampaign(id, which);
      setNotice(t(`detail.done.${which}`));
      setLive(true);
      await loaded.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  if (loaded.error !== undefined && !campaign)
    return (
      <section className="page cmp-page">
        <LoadFailure error={loaded.error} retry={() => void loaded.reload()} />
      </section>
    );
  if (!campaign)
    return (
      <section className="page cmp-page">
        <p className="loading">{t('loading')}</p>
      </section>
    );
  const s = campaign.status;
  return (
    <section className="page cmp-page" data-page="campaign" data-campaign-id={id} data-status={s}>
      <a href={href('campaigns')}>{t('back')}</a>
      <header className="cmp-header">
        <h1>
          {campaign.name} <StatusBadge status={s} />
        </h1>
        {maker && (
          <div className="cmp-actions">
            {canEdit(s) && (
              <a className="cmp-button secondary" href={href('campaigns', 'c', id, 'edit')}>
                {t('detail.edit')}
              </a>
            )}
            {canEdit(s) && (
              <button type="button" disabled={busy} onClick={() => void step('submit')}>
                {t('detail.submit')}
              </button>
            )}
            {canPause(s) && (
              <button type="button" className="secondary" disabled={busy} onClick={() => void step('pause')}>
                {t('detail.pause')}
              </button>
            )}
            {s === 'PAUSED' && (
              <button type="button" disabled={busy} onClick={() => void step('resume')}>
                {t('detail.resume')}
              </button>
            )}
            {canCancel(s) && (
              <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)}>
                {t('detail.cancel')}
              </button>
            )}
          </div>
        )}
      </header>
      {notice && (
        <p className="cmp-notice" role="status">
          {notice}
        </p>
      )}
      {failure !== undefined && (
        <p className="error" role="alert">
          {errorText(failure, '')}
        </p>
      )}
      {/* An automatic approval's comment is the system's note: the approval fact says it in words. */}
      {campaign.comment && campaign.approval !== 'automatic' && (
        <div className={s === 'REJECTED' ? 'cmp-rejected' : 'cmp-note'} data-checker-comment>
          <strong>{t('detail.comment')}</strong>
          <blockquote>{campaign.comment}</blockquote>
        </div>
      )}
      <div className="cmp-split">
        <div className="cmp-main">
          {campaign.startedAt || campaign.funnel.queued > 0 ? (
            <>
              <ProgressSection campaign={campaign} live={live} />
              <FunnelSection funnel={campaign.funnel} />
            </>
          ) : (
            <section className="cmp-card" data-not-sent>
              <h2>{t('progress.title')}</h2>
              <p className="muted">{t('detail.notSent')}</p>
            </section>
          )}
        </div>
        <aside className="cmp-side">
          <CampaignFacts campaign={campaign} />
          {campaign.rules && (
            <section className="cmp-card">
              <h2>{t('detail.conditions')}</h2>
              <Conditions rules={campaign.rules} />
            </section>
          )}
          <MessagePreview
            loadKey={`${id}/${campaign.updatedAt}`}
            sampleName={SAMPLE_NAME}
            load={(locale) => campaignContent(id, locale)}
          />
        </aside>
      </div>
      {confirming && (
        <ConfirmCancel
          busy={busy}
          onConfirm={() => void step('cancel')}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
