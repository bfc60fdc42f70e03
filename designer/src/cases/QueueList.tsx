import { useTranslation } from 'react-i18next';
import { errorText, formatNumber } from '../format.ts';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { caseCounts } from './api.ts';
import type { ListView } from './case-query.ts';
import type { Count } from './types.ts';
import { useCaseWords } from './use-words.ts';

const NONE: Count = { open: 0, overdue: 0, dueSoon: 0, escalated: 0, unassigned: 0, mine: 0 };

/** The console's left column: my cases, everything open in scope, then each queue with its counts. */
export function QueueList({ view }: { view: ListView }) {
  const { t, i18n } = useTranslation('cases');
  const { me } = useSession();
  const words = useCaseWords();
  const counts = useLoad(caseCounts, 'counts', 15_000);
  const n = (v: number) => formatNumber(v, i18n.language);
  const byQueue = new Map((counts.data?.queues ?? []).map((q) => [q.queue, q]));
  // A queue is worth listing when it holds cases the person sees, or they serve or lead it.
  const shown = words.queues.filter(
    (q) =>
      q.active &&
      ((byQueue.get(q.code)?.open ?? 0) > 0 ||
        q.members.includes(me?.username ?? '') ||
        q.supervisor === me?.username),
  );
  const current = (v: ListView) =>
    JSON.stringify(v) === JSON.stringify(view) ? ('page' as const) : undefined;
  const entry = (v: ListView, link: string, label: string, count: Count, code?: string) => (
    <li key={link}>
      <a href={link} aria-current={current(v)} data-queue={code ?? v.kind}>
        <span className="cs-queue-name">{label}</span>
        <span className="cs-queue-counts">
          <span
            className="cs-count"
            data-count="open"
            title={t('queues.counts', { open: n(count.open), overdue: n(count.overdue) })}
          >
            {n(count.open)}
          </span>
          {count.overdue > 0 && (
            <span className="badge danger" data-count="overdue">
              {n(count.overdue)}
            </span>
          )}
        </span>
      </a>
    </li>
  );
  const total = counts.data?.total ?? NONE;
  return (
    <nav className="cs-queues" aria-label={t('queues.title')}>
      <ul>
        {entry({ kind: 'mine' }, href('cases', 'mine'), t('queues.mine'), {
          ...total,
          open: total.mine,
          overdue: 0,
        })}
        {entry({ kind: 'all' }, href('cases'), t('queues.all'), total)}
      </ul>
      <h2>{t('queues.title')}</h2>
      {counts.error !== undefined && (
        <p className="error" role="alert">
          {errorText(counts.error, t('error'))}
        </p>
      )}
      <ul>
        {shown.map((q) =>
          entry(
            { kind: 'queue', code: q.code },
            href('cases', 'queue', q.code),
            words.queue(q.code),
            byQueue.get(q.code) ?? NONE,
            q.code,
          ),
        )}
      </ul>
      {words.queues.length > 0 && shown.length === 0 && <p className="muted">{t('queues.empty')}</p>}
    </nav>
  );
}
