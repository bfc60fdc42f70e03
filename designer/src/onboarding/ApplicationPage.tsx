import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { useDisplayName } from '../components/people.tsx';
import { formatDay } from '../customers/format-day.ts';
import { errorText, formatNumber } from '../format.ts';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { getApplication } from './api.ts';
import { KycPanel, RiskPanel, ScreeningPanel } from './ChecksPanels.tsx';
import { DocumentsChecklist } from './DocumentsChecklist.tsx';
import { OutcomePanel } from './OutcomePanel.tsx';
import { WRITE_ROLES } from './roles.ts';
import { StatusBadge } from './StatusBadge.tsx';
import type { Application } from './types.ts';

/** The process moves on by itself: the page follows until the application is done. */
const FINISHED = ['COMPLETED', 'REFUSED'];
const POLL_MS = 3_000;

/** One application: applicant (masked as the server sends it), checklist, checks, review, outcome. */
export function ApplicationPage({ id }: { id: string }) {
  const { t } = useTranslation('onboarding');
  const { has } = useSession();
  const loaded = useLoad(() => getApplication(id), id, POLL_MS);
  const back = (
    <a className="onb-back" href={href('onboarding')}>
      {t('detail.back')}
    </a>
  );
  if (loaded.error !== undefined && !loaded.data) {
    const missing = loaded.error instanceof ApiError && loaded.error.status === 404;
    return (
      <section className="page onb-page" data-state={missing ? 'notFound' : 'error'}>
        {back}
        <p className={missing ? 'empty-note' : 'error'} role="alert">
          {missing ? t('detail.notFound') : errorText(loaded.error, t('error'))}
        </p>
      </section>
    );
  }
  if (!loaded.data)
    return (
      <section className="page onb-page">
        {back}
        <p className="muted">{t('loading')}</p>
      </section>
    );
  const a = loaded.data;
  const open = !FINISHED.includes(a.status);

  return (
    <section className="page onb-page" data-application-id={a.id} data-status={a.status}>
      {back}
      <header className="onb-header">
        <div>
          <h1>
            {a.applicant.fullName} <StatusBadge status={a.status} />
          </h1>
          <p className="muted">
            <code>{a.reference}</code> · {t(`product.${a.product}`, { defaultValue: a.product })} ·{' '}
            {a.branchCode}
          </p>
        </div>
      </header>
      <div className="onb-grid">
        <div className="onb-column">
          <ApplicantCard a={a} />
          <DocumentsChecklist
            applicationId={a.id}
            documents={a.documents}
            canChange={open && has(...WRITE_ROLES)}
            onChanged={() => void loaded.reload()}
          />
        </div>
        <div className="onb-column">
          <OutcomePanel a={a} />
          <KycPanel a={a} />
          <ScreeningPanel a={a} />
          <RiskPanel a={a} />
        </div>
      </div>
    </section>
  );
}

function ApplicantCard({ a }: { a: Application }) {
  const { t, i18n } = useTranslation('onboarding');
  const name = useDisplayName();
  const rows: [string, ReactNode][] = [
    ['fullName', a.applicant.fullName],
    [
      'nik',
      <span key="nik" className="onb-mono" data-field="nik">
        {a.applicant.nik ?? t('none')}
      </span>,
    ],
    ['birth', `${a.applicant.birthPlace}, ${formatDay(a.applicant.birthDate, i18n.language)}`],
    ['sex', t(`sex.${a.applicant.sex}`)],
    ['address', a.applicant.address ?? t('none')],
    [
      'phone',
      <span key="phone" className="onb-mono">
        {a.applicant.phone ?? t('none')}
      </span>,
    ],
    [
      'email',
      <span key="email" className="onb-mono">
        {a.applicant.email ?? t('none')}
      </span>,
    ],
    ['occupation', t(`occupation.${a.occupation}`, { defaultValue: a.occupation })],
    ['funds', t(`funds.${a.sourceOfFunds}`, { defaultValue: a.sourceOfFunds })],
    ['income', a.monthlyIncome === null ? t('none') : `Rp ${formatNumber(a.monthlyIncome, i18n.language)}`],
    ['pep', a.pep ? t('yes') : t('no')],
    [
      'consents',
      a.consents.length === 0
        ? t('detail.noConsents')
        : a.consents
            .map(
              (c) =>
                `${t(`channel.${c.channel}`, { defaultValue: c.channel })} – ${t(`purpose.${c.purpose}`, { defaultValue: c.purpose })}`,
            )
            .join(', '),
    ],
    ['submittedBy', name(a.submittedBy)],
  ];
  return (
    <section className="onb-card" aria-labelledby="onb-applicant">
      <h2 id="onb-applicant">{t('detail.applicant')}</h2>
      <dl className="onb-dl">
        {rows.map(([key, value]) => (
          <div key={key} data-applicant={key}>
            <dt>{t(`detail.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
