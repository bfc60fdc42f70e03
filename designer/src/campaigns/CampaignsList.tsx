import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../format.ts';
import { href } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { listCampaigns } from './api.ts';
import { LoadFailure } from './LoadFailure.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import type { CampaignStatus } from './types.ts';

const STATUSES: CampaignStatus[] = [
  'DRAFT',
  'PENDING_APPROVAL',
  'APPROVED',
  'REJECTED',
  'SENDING',
  'PAUSED',
  'COMPLETED',
  'CANCELLED',
];

/** Every campaign, last changed first, by status; the maker starts new ones from here. */
export function CampaignsList({ maker }: { maker: boolean }) {
  const { t, i18n } = useTranslation('campaigns');
  const [status, setStatus] = useState<CampaignStatus | ''>('');
  const loaded = useLoad(() => listCampaigns(status || undefined), status, 10_000);
  const items = loaded.data?.items;
  return (
    <section className="page cmp-page" data-page="campaign-list">
      <header className="cmp-header">
        <h1>{t('title')}</h1>
        <div className="cmp-actions">
          <label>
            {t('list.filter')}{' '}
            <select
              name="status"
              value={status}
              onChange={(e) => setStatus(e.target.value as CampaignStatus | '')}
            >
              <option value="">{t('list.all')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          {maker && (
            <>
              <a className="cmp-button secondary" href={href('campaigns', 'segment')}>
                {t('list.newSegment')}
              </a>
              <a className="cmp-button" href={href('campaigns', 'new')}>
                {t('list.new')}
              </a>
            </>
          )}
        </div>
      </header>
      {loaded.error !== undefined && !items ? (
        <LoadFailure error={loaded.error} retry={() => void loaded.reload()} />
      ) : !items ? (
        <p className="loading">{t('loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('list.empty')}</p>
      ) : (
        <table className="cmp-table">
          <thead>
            <tr>
              <th>{t('list.name')}</th>
              <th>{t('list.segment')}</th>
              <th>{t('list.channel')}</th>
              <th>{t('list.status')}</th>
              <th className="cmp-num">{t('list.audience')}</th>
              <th>{t('list.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} data-campaign-id={c.id} data-status={c.status}>
                <td>
                  <a href={href('campaigns', 'c', c.id)}>{c.name}</a>
                  {c.status === 'REJECTED' && c.comment && (
                    <div className="cmp-comment-line" data-comment>
                      “{c.comment}”
                    </div>
                  )}
                </td>
                <td>{c.segmentName ?? '—'}</td>
                <td>{t(`channel.${c.channel}`)}</td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
                <td className="cmp-num">
                  {c.eligibleCount === null ? (
                    <span className="muted">{t('list.notCounted')}</span>
                  ) : (
                    formatNumber(c.eligibleCount, i18n.language)
                  )}
                </td>
                <td>{formatDateTime(c.updatedAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
