import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format.ts';
import { nameIn, rootCauseOption, slaOption, volumeOption } from './chart-options.ts';
import { MonthTable } from './MonthTable.tsx';
import { formatRate, monthLabel, type ReportFilter } from './period.ts';
import { ReportTile } from './ReportTile.tsx';
import type { Compliance } from './types.ts';

/** Complaints logged per category and month: stacked bars, and the month-by-category table. */
export function VolumeTile({ period }: { period: ReportFilter }) {
  const { t, i18n } = useTranslation('dashboards');
  const lang = i18n.language;
  return (
    <ReportTile
      name="complaint-volume"
      period={period}
      title={t('volume.title')}
      wide
      isEmpty={(r) => r.total === 0}
      option={(r) => volumeOption(r, lang)}
      table={(r) => (
        <MonthTable
          heading={t('volume.category')}
          months={r.months}
          rows={r.series.map((series) => ({ ...series, key: series.category, name: nameIn(series, lang) }))}
          totals={r.totals}
          total={r.total}
          attribute="category"
        />
      )}
    />
  );
}

/** SLA compliance per month due (met / breached / pending and the rate) and per queue. */
export function SlaTile({ period }: { period: ReportFilter }) {
  const { t, i18n } = useTranslation('dashboards');
  const lang = i18n.language;
  const cells = (c: Compliance) => (
    <>
      <td className="num">{formatNumber(c.met, lang)}</td>
      <td className="num">{formatNumber(c.breached, lang)}</td>
      <td className="num">{formatNumber(c.pending, lang)}</td>
      <td className="num" data-rate>
        {formatRate(c.rate, lang)}
      </td>
    </>
  );
  const heads = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {(['met', 'breached', 'pending', 'rate'] as const).map((k) => (
          <th key={k} scope="col" className="num">
            {t(`sla.${k}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
  return (
    <ReportTile
      name="sla-compliance"
      period={period}
      title={t('sla.title')}
      isEmpty={(r) => r.overall.met + r.overall.breached + r.overall.pending === 0}
      option={(r) => slaOption(r, lang, t)}
      summary={(r) => (
        <p className="db-headline" data-headline="sla">
          <strong>{formatRate(r.overall.rate, lang)}</strong> {t('sla.headline')}
        </p>
      )}
      table={(r) => (
        <>
          <table data-table="months">
            {heads(t('sla.month'))}
            <tbody>
              {r.months.map((m) => (
                <tr key={m.month} data-month={m.month}>
                  <th scope="row">{monthLabel(m.month, lang)}</th>
                  {cells(m)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-month="overall">
                <th scope="row">{t('sla.overall')}</th>
                {cells(r.overall)}
              </tr>
            </tfoot>
          </table>
          <table data-table="queues">
            {heads(t('sla.queue'))}
            <tbody>
              {r.queues.map((q) => (
                <tr key={q.queue} data-queue={q.queue}>
                  <th scope="row">{q.queue === '-' ? '—' : nameIn(q, lang)}</th>
                  {cells(q)}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    />
  );
}

/** The ten most frequent root causes of the cases resolved in the period. */
export function RootCauseTile({ period }: { period: ReportFilter }) {
  const { t, i18n } = useTranslation('dashboards');
  const lang = i18n.language;
  return (
    <ReportTile
      name="root-causes"
      period={period}
      title={t('rootCauses.title')}
      isEmpty={(r) => r.items.length === 0}
      option={(r) => rootCauseOption(r, lang, t)}
      chartHeight={340}
      summary={(r) => <p className="muted">{t('rootCauses.total', { n: formatNumber(r.total, lang) })}</p>}
      table={(r) => (
        <table>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('rootCauses.rank')}
              </th>
              <th scope="col">{t('rootCauses.cause')}</th>
              <th scope="col" className="num">
                {t('rootCauses.count')}
              </th>
              <th scope="col" className="num">
                {t('rootCauses.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((i) => (
              <tr key={i.rootCause} data-root-cause={i.rootCause}>
                <td className="num">{i.rank}</td>
                <th scope="row">{nameIn(i, lang)}</th>
                <td className="num" data-count>
                  {formatNumber(i.count, lang)}
                </td>
                <td className="num">{formatRate(i.share, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
