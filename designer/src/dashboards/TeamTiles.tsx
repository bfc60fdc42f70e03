import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDuration, formatNumber } from '../format.ts';
import { agentOption, csatOption } from './chart-options.ts';
import { formatDecimal, formatRate, type ReportFilter } from './period.ts';
import { ReportTile } from './ReportTile.tsx';

const HOUR_MS = 3_600_000;

/** Backlog now and average handling time in the period, per assignee. */
export function AgentTile({ period }: { period: ReportFilter }) {
  const { t, i18n } = useTranslation('dashboards');
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <ReportTile
      name="agents"
      period={period}
      title={t('agents.title')}
      isEmpty={(r) => r.items.length === 0 && r.unassigned === 0}
      option={(r) => agentOption(r, lang, t)}
      summary={(r) => (
        <p className="muted">
          {t('agents.asOf', { time: formatDateTime(r.asOf, lang) })}
          {r.unassigned > 0 && (
            <>
              {' · '}
              <span className="badge warn" data-unassigned={r.unassigned}>
                {t('agents.unassigned', { n: n(r.unassigned) })}
              </span>
            </>
          )}
        </p>
      )}
      table={(r) => (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('agents.assignee')}</th>
              <th scope="col" className="num">
                {t('agents.open')}
              </th>
              <th scope="col" className="num">
                {t('agents.overdue')}
              </th>
              <th scope="col" className="num">
                {t('agents.resolved')}
              </th>
              <th scope="col" className="num">
                {t('agents.avg')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((a) => (
              <tr key={a.assignee} data-assignee={a.assignee}>
                <th scope="row">{a.assignee}</th>
                <td className="num" data-open>
                  {n(a.open)}
                </td>
                <td className="num">{n(a.overdue)}</td>
                <td className="num" data-resolved>
                  {n(a.resolved)}
                </td>
                <td className="num">
                  {formatDuration(a.avgHandlingHours === null ? null : a.avgHandlingHours * HOUR_MS, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}

/** Satisfaction scores per branch: the average on the chart, the distribution in the table. */
export function CsatTile({ period }: { period: ReportFilter }) {
  const { t, i18n } = useTranslation('dashboards');
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <ReportTile
      name="csat"
      period={period}
      title={t('csat.title')}
      isEmpty={(r) => r.overall.responses === 0}
      option={(r) => csatOption(r, lang, t)}
      summary={(r) => (
        <p className="db-headline" data-headline="csat">
          <strong>{formatDecimal(r.overall.average, lang)}</strong> {t('csat.average')} ·{' '}
          <strong>{formatRate(r.overall.satisfied, lang)}</strong> {t('csat.satisfied')}
        </p>
      )}
      table={(r) => (
        <table>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('csat.branch')}
              </th>
              <th scope="col" rowSpan={2} className="num">
                {t('csat.responses')}
              </th>
              <th scope="col" rowSpan={2} className="num">
                {t('csat.average')}
              </th>
              <th scope="col" rowSpan={2} className="num">
                {t('csat.satisfied')}
              </th>
              <th scope="colgroup" colSpan={5} className="db-center">
                {t('csat.distribution')}
              </th>
            </tr>
            <tr>
              {[1, 2, 3, 4, 5].map((score) => (
                <th key={score} scope="col" className="num" aria-label={t('csat.score', { score })}>
                  {score}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.items.map((b) => (
              <tr key={b.branchCode} data-branch={b.branchCode}>
                <th scope="row">{b.name}</th>
                <td className="num">{n(b.responses)}</td>
                <td className="num" data-average>
                  {formatDecimal(b.average, lang)}
                </td>
                <td className="num">{formatRate(b.satisfied, lang)}</td>
                {b.distribution.map((count, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the index is the score
                  <td key={i} className="num">
                    {n(count)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-branch="overall">
              <th scope="row">{t('csat.overall')}</th>
              <td className="num">{n(r.overall.responses)}</td>
              <td className="num">{formatDecimal(r.overall.average, lang)}</td>
              <td className="num">{formatRate(r.overall.satisfied, lang)}</td>
              <td colSpan={5} />
            </tr>
          </tfoot>
        </table>
      )}
    />
  );
}
