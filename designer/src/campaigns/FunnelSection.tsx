import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format.ts';
import { Chart, type ChartOption } from './Chart.tsx';
import { funnelRows } from './campaign-logic.ts';
import type { Funnel } from './types.ts';

/** Audience → sent → delivered → opened → clicked → converted: a funnel chart and its numbers. */
export function FunnelSection({ funnel }: { funnel: Funnel }) {
  const { t, i18n } = useTranslation('campaigns');
  const rows = funnelRows(funnel);
  const n = (v: number) => formatNumber(v, i18n.language);
  const percent = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const key = JSON.stringify(rows) + i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for rows and language
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      color: ['#0b5e55', '#14776c', '#239084', '#3fa89b', '#6cc0b4', '#c77d12'],
      series: [
        {
          type: 'funnel',
          sort: 'none',
          top: 8,
          bottom: 8,
          left: '4%',
          width: '66%',
          min: 0,
          // A stage nobody reached yet still shows as a sliver with its label beside it.
          minSize: '2%',
          max: Math.max(1, ...rows.map((r) => r.value)),
          gap: 2,
          label: { position: 'right', color: '#1d2733', formatter: '{b}: {c}' },
          labelLine: { show: true, length: 12 },
          data: rows.map((r) => ({ name: t(`funnel.${r.stage}`), value: r.value })),
        },
      ],
    }),
    [key],
  );
  return (
    <section className="cmp-card" data-funnel>
      <h2>{t('funnel.title')}</h2>
      <Chart option={option} label={t('funnel.chart')} height={240} />
      <table className="cmp-table">
        <thead>
          <tr>
            <th>{t('funnel.stage')}</th>
            <th className="cmp-num">{t('funnel.count')}</th>
            <th className="cmp-num">{t('funnel.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.stage} data-stage={r.stage} data-value={r.value}>
              <td>{t(`funnel.${r.stage}`)}</td>
              <td className="cmp-num">{n(r.value)}</td>
              <td className="cmp-num">{r.share === null ? '—' : percent.format(r.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
