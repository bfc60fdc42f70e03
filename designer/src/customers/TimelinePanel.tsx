import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisplayName } from '../components/people.tsx';
import { errorText, formatDateTime } from '../format.ts';
import { href } from '../router.ts';
import { timelinePage } from './api.ts';
import { appendPage } from './consent-matrix.ts';
import type { TimelinePage } from './types.ts';

/** Entries that name a record of another screen link to it: [screen, label]. */
const LINKS: Record<string, [string, string]> = {
  case: ['cases', 'timeline.openCase'],
  'onboarding-application': ['onboarding', 'timeline.openApplication'],
};

/** The interaction timeline across channels, newest first; older pages load on request. */
export function TimelinePanel({ customerId, first }: { customerId: string; first: TimelinePage }) {
  const { t, i18n } = useTranslation('customers');
  const name = useDisplayName();
  const [items, setItems] = useState(first.items);
  const [next, setNext] = useState(first.nextBefore);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  const more = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const page = await timelinePage(customerId, next);
      setItems((shown) => appendPage(shown, page.items));
      setNext(page.nextBefore);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="cu-card" aria-labelledby="cu-timeline">
      <h2 id="cu-timeline">{t('timeline.title')}</h2>
      {items.length === 0 ? (
        <p className="empty-note">{t('timeline.empty')}</p>
      ) : (
        <ol className="cu-timeline">
          {items.map((item) => (
            <li key={item.id} data-interaction-id={item.id} data-channel={item.channel}>
              <time dateTime={item.at}>{formatDateTime(item.at, i18n.language)}</time>
              <span className="cu-chip">{t(`ichannel.${item.channel}`, { defaultValue: item.channel })}</span>
              <span className="cu-chip cu-chip-kind">
                {t(`ikind.${item.kind}`, { defaultValue: item.kind })}
              </span>
              <span className="cu-summary">
                {item.summary}
                {item.refId && LINKS[item.refType ?? ''] && (
                  <>
                    {' '}
                    <a href={href(LINKS[item.refType ?? '']?.[0] ?? '', item.refId)}>
                      {t(LINKS[item.refType ?? '']?.[1] ?? '')}
                    </a>
                  </>
                )}
              </span>
              <span className="muted cu-actor">{t('timeline.by', { actor: name(item.actor) })}</span>
            </li>
          ))}
        </ol>
      )}
      {failure !== undefined && (
        <p className="error" role="alert">
          {errorText(failure, t('error'))}
        </p>
      )}
      {next ? (
        <button type="button" className="secondary" disabled={busy} onClick={() => void more()}>
          {busy ? t('loading') : t('timeline.more')}
        </button>
      ) : (
        items.length > 0 && <p className="muted">{t('timeline.end')}</p>
      )}
    </section>
  );
}
