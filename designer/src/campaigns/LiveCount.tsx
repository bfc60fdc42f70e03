import { useTranslation } from 'react-i18next';
import { errorText, formatNumber } from '../format.ts';
import { useLoad } from '../use-load.ts';
import { previewSegment } from './api.ts';
import type { Channel, SegmentRules } from './types.ts';
import { useDebounced } from './use-debounced.ts';

/**
 * How many customers the rules select and, with a channel, how many of them may receive an
 * offer on it (marketing consent and an address): asked again 400 ms after the last change.
 */
export function LiveCount({
  rules,
  channel,
  blocked,
}: {
  rules: SegmentRules;
  channel: Channel | '';
  blocked: boolean;
}) {
  const { t, i18n } = useTranslation('campaigns');
  const key = useDebounced(JSON.stringify({ rules, channel }), 400);
  const loaded = useLoad(async () => {
    if (blocked) return undefined;
    const asked = JSON.parse(key) as { rules: SegmentRules; channel: Channel | '' };
    return previewSegment(asked.rules, asked.channel || undefined);
  }, `${key}/${blocked}`);
  const n = (v: number) => formatNumber(v, i18n.language);
  const channelName = channel ? t(`channel.${channel}`) : '';
  const stale = key !== JSON.stringify({ rules, channel });
  const data = loaded.data;
  return (
    <section className="cmp-count" aria-live="polite" aria-busy={loaded.loading || stale} data-live-count>
      <h2>{t('count.title')}</h2>
      {blocked ? (
        <p className="muted">{t('count.fixFirst')}</p>
      ) : loaded.error !== undefined ? (
        <p className="error" role="alert">
          {errorText(loaded.error, '')}
        </p>
      ) : !data ? (
        <p className="loading">{t('count.counting')}</p>
      ) : (
        <>
          <p className="cmp-count-main" data-count={data.count}>
            {t('count.matched', { n: n(data.count) })}
          </p>
          {data.eligible === null ? (
            <p className="muted">{t('count.pickChannel')}</p>
          ) : (
            <>
              <p className="cmp-count-eligible" data-eligible={data.eligible}>
                {t('count.eligible', { eligible: n(data.eligible), channel: channelName })}
              </p>
              <p className="muted" data-excluded={data.count - data.eligible}>
                {t('count.excluded', { excluded: n(data.count - data.eligible), channel: channelName })}
              </p>
            </>
          )}
          {(loaded.loading || stale) && <p className="muted">{t('count.counting')}</p>}
        </>
      )}
    </section>
  );
}
