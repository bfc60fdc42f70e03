import { useTranslation } from 'react-i18next';
import { Person, useDisplayName } from '../components/people.tsx';
import { formatDateTime } from '../format.ts';
import { eventText } from './case-query.ts';
import type { CaseEvent } from './types.ts';
import { useCaseWords } from './use-words.ts';

/** What happened to the case, newest first: updates, comments, status changes, escalations. */
export function Timeline({ events }: { events: CaseEvent[] }) {
  const { t, i18n } = useTranslation('cases');
  const words = useCaseWords();
  const name = useDisplayName();
  const newestFirst = [...events].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
  const describe = (e: CaseEvent) => {
    const { key, values } = eventText(e.kind, e.detail);
    if (e.kind === 'status')
      return t(key, {
        from: t(`status.${values.from}`, { defaultValue: values.from }),
        to: t(`status.${values.to}`, { defaultValue: values.to }),
      });
    if (e.kind === 'routed')
      return t(key, {
        queue: words.queue(values.queue ?? null),
        policy: words.policy(values.policy ?? null),
      });
    // Escalations and assignments name people: show their names, not usernames.
    if (e.kind === 'escalation' || e.kind === 'assigned')
      return t(key, { ...values, from: name(values.from), to: values.to === '—' ? '—' : name(values.to) });
    return t(key, { ...values, defaultValue: e.kind });
  };
  return (
    <section className="cs-card" aria-labelledby="cs-timeline-title">
      <h2 id="cs-timeline-title">{t('detail.timeline')}</h2>
      {events.length === 0 && <p className="muted">{t('detail.noEvents')}</p>}
      <ol className="cs-timeline">
        {newestFirst.map((e) => (
          <li key={e.id} data-kind={e.kind} className={`cs-event cs-event-${e.kind}`}>
            <div className="cs-event-head">
              <strong>{describe(e)}</strong>
              <span className="muted cs-small">
                {formatDateTime(e.at, i18n.language)} ·{' '}
                {e.actor === 'system' ? t('event.system') : <Person username={e.actor} />}
              </span>
            </div>
            {e.kind === 'comment' && typeof e.detail.text === 'string' && (
              <p className="cs-comment-text">{e.detail.text}</p>
            )}
            {e.kind === 'status' && typeof e.detail.note === 'string' && e.detail.note && (
              <p className="cs-comment-text">{e.detail.note}</p>
            )}
            {e.kind === 'resolution' && typeof e.detail.rootCause === 'string' && (
              <p className="muted cs-small">{words.rootCause(e.detail.rootCause)}</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
