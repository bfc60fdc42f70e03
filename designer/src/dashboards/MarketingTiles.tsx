import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../format.ts';
import { consentLabel, consentOption, funnelOption } from './chart-options.ts';
import { MonthTable } from './MonthTable.tsx';
import { formatRate, type ReportFilter } from './period.ts';
import { ReportTile } from './ReportTile.tsx';
import { FUNNEL_RATES, FUNNEL_STEPS } from './types.ts';

/** The funnel of the campaigns started in the period: all together on the chart, each in the table. */
export function FunnelTile({ period }: { period: ReportFilter }) {
  const { t, i18n } = useTranslation('dashboards');
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <ReportTile
      name="campaign-funnel"
      period={period}
      title={t('funnel.title')}
      wide
      isEmpty={(r) => r.campaigns.length === 0}
      option={(r) => funnelOption(r, lang, t)}
      chartHeight={320}
      summary={(r) => (
        <ul className="db-rates" aria-label={t('funnel.rates')}>
          {FUNNEL_RATES.map((k) => (
            <li key={k} data-rate={k}>
              <strong>{formatRate(r.overall.rates[k], lang)}</strong> {t(`funnel.rate.${k}`)}
            </li>
          ))}
        </ul>
      )}
      table={(r) => (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('funnel.campaign')}</th>
              <th scope="col">{t('funnel.started')}</th>
              {FUNNEL_STEPS.map((s) => (
                <th key={s} scope="col" className="num">
                  {t(`funnel.step.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.campaigns.map((c) => (
              <tr key={c.id} data-campaign={c.id}>
                <th scope="row">
                  {c.name}
                  <div className="muted">
                    {t(`channel.${c.channel}`, { defaultValue: c.channel })} ·{' '}
                    {t(`status.${c.status}`, { ns: 'campaigns', defaultValue: c.status })}
                  </div>
                </th>
                <td>{formatDateTime(c.startedAt, lang)}</td>
                {FUNNEL_STEPS.map((s) => (
                  <td key={s} className="num" data-step={s}>
                    {n(c.funnel[s])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-campaign="overall">
              <th scope="row">{t('funnel.overall')}</th>
              <td />
              {FUNNEL_STEPS.map((s) => (
                <td key={s} className="num" data-step={s}>
                  {n(r.overall.funnel[s])}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      )}
    />
  );
}

/** Consents withdrawn per month, by channel and purpose. */
export function ConsentTile({ period }: { period: ReportFilter }) {
  const { t, i18n } = useTranslation('dashboards');
  const lang = i18n.language;
  return (
    <ReportTile
      name="consent-withdrawals"
      period={period}
      title={t('consent.title')}
      wide
      isEmpty={(r) => r.total === 0}
      option={(r) => consentOption(r, lang, t)}
      table={(r) => (
        <MonthTable
          heading={`${t('consent.channel')} · ${t('consent.purpose')}`}
          months={r.months}
          rows={r.series.map((series) => ({
            ...series,
            key: `${series.channel}/${series.purpose}`,
            name: consentLabel(series, t),
          }))}
          totals={r.totals}
          total={r.total}
          attribute="series"
        />
      )}
    />
  );
}
