import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pager } from '../components/Pager.tsx';
import { errorText, formatDateTime } from '../format.ts';
import { href } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { listApplications, PAGE_SIZE } from './api.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { STATUSES, type Status } from './types.ts';

/** Applications in the viewer's scope, newest first, filtered by status. */
export function ApplicationsPage() {
  const { t, i18n } = useTranslation('onboarding');
  const [status, setStatus] = useState<Status | ''>('');
  const [offset, setOffset] = useState(0);
  const loaded = useLoad(() => listApplications(status, offset), `${status}/${offset}`);
  const items = loaded.data?.items;

  return (
    <section className="page onb-page">
      <header className="onb-header">
        <h1>{t('list.title')}</h1>
        <div className="onb-actions">
          <label className="onb-inline">
            {t('list.status')}
            <select
              name="status"
              value={status}
              onChange={(e) => {
                setStatus(e.target.value as Status | '');
                setOffset(0);
              }}
            >
              <option value="">{t('list.all')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="secondary" onClick={() => void loaded.reload()}>
            {t('list.refresh')}
          </button>
        </div>
      </header>
      {loaded.error !== undefined && (
        <p className="error" role="alert">
          {errorText(loaded.error, t('error'))}
        </p>
      )}
      {loaded.loading && !items && <p className="muted">{t('loading')}</p>}
      {items && items.length === 0 && (
        <p className="empty-note">{status ? t('list.emptyFiltered') : t('list.empty')}</p>
      )}
      {items && items.length > 0 && (
        <>
          <table className="onb-list">
            <thead>
              <tr>
                <th>{t('list.reference')}</th>
                <th>{t('list.applicant')}</th>
                <th>{t('list.nik')}</th>
                <th>{t('list.branch')}</th>
                <th>{t('list.product')}</th>
                <th>{t('list.status')}</th>
                <th>{t('list.risk')}</th>
                <th>{t('list.created')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} data-application-id={a.id}>
                  <td>
                    <a href={href('onboarding', a.id)}>{a.reference}</a>
                  </td>
                  <td>{a.fullName}</td>
                  <td className="onb-mono">{a.nik ?? t('none')}</td>
                  <td>{a.branchCode}</td>
                  <td>{t(`product.${a.product}`, { defaultValue: a.product })}</td>
                  <td>
                    <StatusBadge status={a.status} />
                  </td>
                  <td>{a.riskLevel ? t(`risk.${a.riskLevel}`, { defaultValue: a.riskLevel }) : t('none')}</td>
                  <td>{formatDateTime(a.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            offset={offset}
            count={items.length}
            pageSize={PAGE_SIZE}
            total={loaded.data?.page.total ?? 0}
            onOffset={setOffset}
            t={t}
            prefix="list."
          />
        </>
      )}
    </section>
  );
}
