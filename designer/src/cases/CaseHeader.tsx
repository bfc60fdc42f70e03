import { useTranslation } from 'react-i18next';
import { Person, useDisplayName } from '../components/people.tsx';
import { formatDateTime } from '../format.ts';
import { href } from '../router.ts';
import { SeverityBadge, SlaBadge, StatusBadge } from './SlaBadge.tsx';
import type { CaseDetail } from './types.ts';
import { useCaseWords } from './use-words.ts';

/** Number, customer, category; status, queue, assignee; the SLA and the POJK deadline in working days. */
export function CaseHeader({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation('cases');
  const words = useCaseWords();
  const name = useDisplayName();
  const date = (iso: string | null) => formatDateTime(iso ?? undefined, i18n.language);
  const left = c.regulatoryWorkingDaysLeft;
  const days =
    left === null
      ? null
      : left > 0
        ? t('detail.daysLeft', { count: left })
        : left === 0
          ? t('detail.dueToday')
          : t('detail.daysPast', { count: -left });
  return (
    <header className="cs-case-header">
      <div className="cs-title-row">
        <h1 id="cs-case-title">
          {c.number} · {words.category(c.category)}
        </h1>
        <SeverityBadge severity={c.severity} />
        <StatusBadge status={c.status} />
        {c.escalationLevel > 0 && (
          <span className="badge danger" data-escalation={c.escalationLevel}>
            {t('detail.escalated', {
              level: c.escalationLevel,
              to: c.escalatedTo ? name(c.escalatedTo) : '—',
            })}
          </span>
        )}
      </div>
      <dl className="cs-facts">
        <div>
          <dt>{t('detail.customer')}</dt>
          <dd>
            <a href={href('customers', c.customerId)} data-link="customer">
              {c.customer.fullName}
            </a>{' '}
            <span className="muted">{c.customer.cif}</span>
          </dd>
        </div>
        <div>
          <dt>{t('detail.queue')}</dt>
          <dd data-field="queue">{words.queue(c.queue)}</dd>
        </div>
        <div>
          <dt>{t('detail.assignee')}</dt>
          <dd data-field="assignee">{c.assignee ? <Person username={c.assignee} /> : t('unassigned')}</dd>
        </div>
        <div>
          <dt>{t('detail.channel')}</dt>
          <dd>
            {t(`channel.${c.channel}`, { defaultValue: c.channel })} · {t(`form.${c.form}`)}
          </dd>
        </div>
        <div>
          <dt>{t('detail.slaDueAt')}</dt>
          <dd data-field="sla">
            <SlaBadge item={c} /> <span className="cs-small">{date(c.slaDueAt)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('detail.regulatory')}</dt>
          <dd data-field="regulatory">
            {c.regulatoryDueAt ? (
              <>
                {date(c.regulatoryDueAt)}
                {days && <span className={left !== null && left < 0 ? 'error' : 'muted'}> ({days})</span>}
              </>
            ) : (
              <span className="muted">{t('detail.waitingDocuments', { date: date(c.documentsDueAt) })}</span>
            )}
            {c.extension && (
              <div className="muted cs-small">
                {t('detail.extended', { days: c.extension.days, reason: c.extension.reason })}
              </div>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('detail.createdAt')}</dt>
          <dd>
            {date(c.createdAt)}{' '}
            <span className="muted">{t('detail.createdBy', { user: name(c.createdBy) })}</span>
          </dd>
        </div>
      </dl>
    </header>
  );
}
