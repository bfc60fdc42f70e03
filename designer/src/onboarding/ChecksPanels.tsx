import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.ts';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { reviewTask } from './api.ts';
import { WATCHLIST_ROLES } from './roles.ts';
import type { Application } from './types.ts';

const RISK_TONE: Record<string, string> = { LOW: 'ok', MEDIUM: 'warn', HIGH: 'danger' };

/** The NIK checks: 16 digits, region code, birth date and sex, serial — each with the server's words. */
export function KycPanel({ a }: { a: Application }) {
  const { t, i18n } = useTranslation('onboarding');
  const words = (f: { id: string; en: string }) => (i18n.language === 'en' ? f.en : f.id);
  return (
    <section className="onb-card" aria-labelledby="onb-kyc">
      <h2 id="onb-kyc">{t('detail.kyc')}</h2>
      {!a.kyc ? (
        <p className="empty-note">{t('detail.kycPending')}</p>
      ) : (
        <>
          <p>
            <span className={`badge ${a.kyc.valid ? 'ok' : 'danger'}`}>
              {a.kyc.valid ? t('detail.kycValid') : t('detail.kycInvalid')}
            </span>{' '}
            <span className="muted">{formatDateTime(a.kyc.checkedAt, i18n.language)}</span>
          </p>
          <ul className="onb-findings">
            {a.kyc.findings.map((f) => (
              <li key={f.check} data-check={f.check} data-ok={f.ok}>
                <span aria-hidden="true" className={f.ok ? 'onb-ok' : 'onb-bad'}>
                  {f.ok ? '✓' : '✗'}
                </span>{' '}
                {words(f)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** AML screening against the watch list; the hits only reach compliance (the server decides). */
export function ScreeningPanel({ a }: { a: Application }) {
  const { t, i18n } = useTranslation('onboarding');
  const { has } = useSession();
  const past = !['SUBMITTED', 'VERIFYING', 'SCREENING'].includes(a.status);
  const body = () => {
    if (!a.screening)
      return (
        <p className="empty-note">
          {past && !has(...WATCHLIST_ROLES) ? t('detail.screeningHidden') : t('detail.screeningPending')}
        </p>
      );
    if (a.screening.hits.length === 0) return <p className="empty-note">{t('detail.noHits')}</p>;
    return (
      <>
        <p className="muted">
          {t('detail.bestScore', { score: a.screening.bestScore })} ·{' '}
          {formatDateTime(a.screening.screenedAt, i18n.language)}
        </p>
        <table className="onb-hits">
          <thead>
            <tr>
              <th>{t('detail.listed')}</th>
              <th>{t('detail.matched')}</th>
              <th>{t('detail.listCategory')}</th>
              <th>{t('detail.source')}</th>
              <th>{t('detail.birthDateMatch')}</th>
              <th className="onb-number">{t('detail.score')}</th>
            </tr>
          </thead>
          <tbody>
            {a.screening.hits.map((hit) => (
              <tr key={hit.entryId} data-entry-id={hit.entryId}>
                <td>{hit.listedName}</td>
                <td>{hit.matchedName}</td>
                <td>
                  <span className="badge danger">
                    {t(`category.${hit.category}`, { defaultValue: hit.category })}
                  </span>
                </td>
                <td>{hit.listSource}</td>
                <td>{hit.birthDateMatch === null ? t('none') : hit.birthDateMatch ? t('yes') : t('no')}</td>
                <td className="onb-number">
                  <strong>{hit.score}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  };
  return (
    <section className="onb-card" aria-labelledby="onb-screening">
      <h2 id="onb-screening">{t('detail.screening')}</h2>
      {body()}
    </section>
  );
}

/** The risk level, and for HIGH the manual KYC review: waiting (with its task) or decided. */
export function RiskPanel({ a }: { a: Application }) {
  const { t, i18n } = useTranslation('onboarding');
  return (
    <section className="onb-card" aria-labelledby="onb-risk">
      <h2 id="onb-risk">{t('detail.risk')}</h2>
      {!a.risk ? (
        <p className="empty-note">{t('detail.riskPending')}</p>
      ) : (
        <p data-risk={a.risk.level}>
          <span className={`badge ${RISK_TONE[a.risk.level] ?? ''}`}>
            {t(`risk.${a.risk.level}`, { defaultValue: a.risk.level })}
          </span>
          {a.risk.score !== null && (
            <span className="muted"> · {t('detail.riskScore', { score: a.risk.score })}</span>
          )}
        </p>
      )}
      {a.status === 'IN_REVIEW' && !a.review && <ReviewWaiting applicationId={a.id} />}
      {a.review && (
        <div className="onb-review">
          <h3>{t('detail.review')}</h3>
          <p>
            <span className={`badge ${a.review.decision === 'approve' ? 'ok' : 'danger'}`}>
              {t(`detail.decision.${a.review.decision}`, { defaultValue: a.review.decision })}
            </span>{' '}
            <span className="muted">
              {t('detail.reviewedBy', {
                who: a.review.reviewedBy ?? t('none'),
                at: formatDateTime(a.review.reviewedAt, i18n.language),
              })}
            </span>
          </p>
          <blockquote>{a.review.reason}</blockquote>
        </div>
      )}
    </section>
  );
}

function ReviewWaiting({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation('onboarding');
  const { has } = useSession();
  // Only compliance (the task's group) and supervisors can list the task; others are told where it is.
  const canSee = has('compliance', 'supervisor');
  const task = useLoad(
    () => (canSee ? reviewTask(applicationId, has('supervisor')) : Promise.resolve(null)),
    `${applicationId}/${canSee}`,
    canSee ? 3_000 : null,
  );
  return (
    <div className="onb-review onb-waiting" data-review="waiting">
      <h3>{t('detail.review')}</h3>
      <p>
        <span className="badge warn">{t('detail.waiting')}</span>
      </p>
      {task.data ? (
        <a className="onb-task-link" href={href('tasks', task.data.key)} data-task-key={task.data.key}>
          {t('detail.openTask')} →
        </a>
      ) : (
        <p className="muted">{canSee && !task.data ? t('detail.taskLoading') : t('detail.taskNotVisible')}</p>
      )}
    </div>
  );
}
