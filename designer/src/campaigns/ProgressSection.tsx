import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format.ts';
import { batchProgress } from './campaign-logic.ts';
import type { CampaignDetail } from './types.ts';

/** Batches queued of all the audience needs, and what became of the messages so far. */
export function ProgressSection({ campaign, live }: { campaign: CampaignDetail; live: boolean }) {
  const { t, i18n } = useTranslation('campaigns');
  const { funnel } = campaign;
  const progress = batchProgress(funnel, campaign.batchSize);
  const n = (v: number) => formatNumber(v, i18n.language);
  const ratio = progress.total ? progress.done / progress.total : 0;
  return (
    <section
      className="cmp-card"
      data-progress
      data-batches-done={progress.done}
      data-batches-total={progress.total ?? ''}
    >
      <h2>
        {t('progress.title')} {live && <small className="muted">· {t('detail.live')}</small>}
      </h2>
      <p>
        {progress.total === null
          ? t('progress.batchesOpen', { done: n(progress.done) })
          : t('progress.batches', { done: n(progress.done), total: n(progress.total) })}
      </p>
      <progress max={1} value={ratio} aria-label={t('progress.title')} />
      <ul className="cmp-progress-notes">
        <li data-sent={funnel.sent}>
          {t('progress.sent', { sent: n(funnel.sent), queued: n(funnel.queued) })}
        </li>
        {funnel.held > 0 && <li>{t('progress.held', { held: n(funnel.held) })}</li>}
        {funnel.suppressed > 0 && <li>{t('progress.suppressed', { suppressed: n(funnel.suppressed) })}</li>}
        {funnel.failed > 0 && <li className="error">{t('progress.failed', { failed: n(funnel.failed) })}</li>}
      </ul>
    </section>
  );
}
