import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format.ts';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { campaignContent, getCampaign, previewSegment } from './api.ts';
import { CampaignFacts } from './CampaignFacts.tsx';
import { Conditions } from './Conditions.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { LoadFailure } from './LoadFailure.tsx';
import { MessagePreview } from './MessagePreview.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** The checker reads a campaign's audience (and who consent leaves out) and content, then decides. */
export function DecisionPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation('campaigns');
  const { me } = useSession();
  const [decided, setDecided] = useState<'approve' | 'reject'>();
  const loaded = useLoad(() => getCampaign(id), id, 3_000);
  const campaign = loaded.data;
  const rules = campaign?.rules;
  const audience = useLoad(
    async () => (rules && campaign ? previewSegment(rules, campaign.channel) : undefined),
    `${id}/${JSON.stringify(rules)}`,
  );
  const n = (v: number) => formatNumber(v, i18n.language);

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
  const counts = audience.data;
  return (
    <section
      className="page cmp-page"
      data-page="decision"
      data-campaign-id={id}
      data-status={campaign.status}
    >
      <a href={href('campaigns', 'approvals')}>← {t('approvals.title')}</a>
      <header className="cmp-header">
        <h1>
          {campaign.name} <StatusBadge status={campaign.status} />
        </h1>
      </header>
      {decided && (
        <p className="cmp-notice" role="status" data-decided={decided}>
          {t(decided === 'approve' ? 'decision.approved' : 'decision.rejected')}
        </p>
      )}
      {campaign.comment && (
        <div className={campaign.status === 'REJECTED' ? 'cmp-rejected' : 'cmp-note'} data-checker-comment>
          <strong>{t('detail.comment')}</strong>
          <blockquote>{campaign.comment}</blockquote>
        </div>
      )}
      <div className="cmp-split">
        <div className="cmp-main">
          <section className="cmp-card" data-audience>
            <h2>{t('decision.audience')}</h2>
            <p className="cmp-count-main" data-eligible={campaign.eligibleCount ?? ''}>
              {campaign.eligibleCount === null
                ? t('detail.counting')
                : t('decision.eligible', { n: n(campaign.eligibleCount) })}
            </p>
            {counts && counts.eligible !== null && (
              <ul className="cmp-progress-notes">
                <li>{t('decision.matched', { n: n(counts.count) })}</li>
                <li data-excluded={counts.count - counts.eligible}>
                  {t('decision.excluded', {
                    n: n(counts.count - counts.eligible),
                    channel: t(`channel.${campaign.channel}`),
                  })}
                </li>
              </ul>
            )}
            <h3>{t('detail.conditions')}</h3>
            {rules ? <Conditions rules={rules} /> : <p className="muted">—</p>}
          </section>
          <CampaignFacts campaign={campaign} />
          {campaign.status === 'PENDING_APPROVAL' && !decided ? (
            <DecisionForm
              id={id}
              own={campaign.maker === me?.username}
              onDecided={(d) => {
                setDecided(d);
                void loaded.reload();
              }}
            />
          ) : (
            !decided && <p className="muted">{t('decision.notPending')}</p>
          )}
        </div>
        <aside className="cmp-side">
          <MessagePreview
            loadKey={`${id}/${campaign.updatedAt}`}
            sampleName="Budi Santoso"
            load={(locale) => campaignContent(id, locale)}
          />
        </aside>
      </div>
    </section>
  );
}
