import { useTranslation } from 'react-i18next';
import { Person } from '../components/people.tsx';
import { formatDateTime, formatNumber } from '../format.ts';
import { href } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { listCampaigns } from './api.ts';
import { LoadFailure } from './LoadFailure.tsx';

/** The checker's queue: campaigns waiting for compliance, oldest submission first. */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation('campaigns');
  const loaded = useLoad(() => listCampaigns('PENDING_APPROVAL'), 'pending', 10_000);
  const items = loaded.data?.items
    .slice()
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  return (
    <section className="page cmp-page" data-page="approvals">
      <h1>{t('approvals.title')}</h1>
      <p className="muted">{t('approvals.intro')}</p>
      {loaded.error !== undefined && !items ? (
        <LoadFailure error={loaded.error} retry={() => void loaded.reload()} />
      ) : !items ? (
        <p className="loading">{t('loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('approvals.empty')}</p>
      ) : (
        <table className="cmp-table">
          <thead>
            <tr>
              <th>{t('list.name')}</th>
              <th>{t('list.segment')}</th>
              <th>{t('list.channel')}</th>
              <th className="cmp-num">{t('list.audience')}</th>
              <th>{t('detail.maker')}</th>
              <th>{t('approvals.submitted')}</th>
              <th>
                <span className="cmp-sr">{t('approvals.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} data-campaign-id={c.id}>
                <td>{c.name}</td>
                <td>{c.segmentName ?? '—'}</td>
                <td>{t(`channel.${c.channel}`)}</td>
                <td className="cmp-num">
                  {c.eligibleCount === null
                    ? t('detail.counting')
                    : formatNumber(c.eligibleCount, i18n.language)}
                </td>
                <td>{c.maker ? <Person username={c.maker} /> : '—'}</td>
                <td>{formatDateTime(c.submittedAt ?? undefined, i18n.language)}</td>
                <td>
                  <a className="cmp-button" href={href('campaigns', 'approvals', c.id)}>
                    {t('approvals.open')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
