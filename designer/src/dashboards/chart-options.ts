import type { TFunction } from 'i18next';
import { formatNumber } from '../format.ts';
import type { ChartOption } from './echarts.ts';
import { formatDecimal, formatRate, monthLabel } from './period.ts';
import {
  type AgentReport,
  type CampaignFunnelReport,
  type ConsentWithdrawalReport,
  type CsatReport,
  FUNNEL_STEPS,
  type Named,
  type RootCauseReport,
  type SlaReport,
  type VolumeReport,
} from './types.ts';

/**
 * Report → echarts option, one pure function per chart (unit-tested). `t` translates this
 * namespace's keys; names the API sends in both languages are picked by `language`.
 */
export type Translate = TFunction<'dashboards'>;

export const PALETTE = [
  '#0b5e55',
  '#c77d12',
  '#2f6db3',
  '#8a4f9e',
  '#3f8f5a',
  '#b3261e',
  '#5b6878',
  '#d4a017',
];
const OK = '#1f7a3d';
const DANGER = '#b3261e';
const PENDING = '#9aa5b1';

export const nameIn = (named: Named, language: string) => (language === 'en' ? named.nameEn : named.name);

// No animation: figures appear as they are, also in screenshots and printouts.
const base = (language: string): ChartOption => ({
  animation: false,
  color: PALETTE,
  textStyle: { fontFamily: '"Segoe UI", "Noto Sans", Roboto, Helvetica, Arial, sans-serif' },
  tooltip: {
    trigger: 'axis',
    axisPointer: { type: 'shadow' },
    valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v, language) : String(v ?? '—')),
  },
  legend: { type: 'scroll', bottom: 0 },
  grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
});

const countAxis = (language: string) => ({
  type: 'value',
  minInterval: 1,
  axisLabel: { formatter: (v: number) => formatNumber(v, language) },
});

export function volumeOption(r: VolumeReport, language: string): ChartOption {
  return {
    ...base(language),
    xAxis: { type: 'category', data: r.months.map((m) => monthLabel(m, language)) },
    yAxis: countAxis(language),
    series: r.series.map((s) => ({
      type: 'bar',
      stack: 'volume',
      name: nameIn(s, language),
      data: s.counts,
    })),
  };
}

export function slaOption(r: SlaReport, language: string, t: Translate): ChartOption {
  const option = base(language);
  return {
    ...option,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: r.months.map((m) => monthLabel(m.month, language)) },
    yAxis: [
      countAxis(language),
      {
        type: 'value',
        min: 0,
        max: 1,
        splitLine: { show: false },
        axisLabel: { formatter: (v: number) => formatRate(v, language) },
      },
    ],
    series: [
      ...(['met', 'breached', 'pending'] as const).map((key, i) => ({
        type: 'bar',
        stack: 'sla',
        name: t(`sla.${key}`),
        color: [OK, DANGER, PENDING][i],
        data: r.months.map((m) => m[key]),
        tooltip: { valueFormatter: (v: number) => formatNumber(v, language) },
      })),
      {
        type: 'line',
        name: t('sla.rate'),
        yAxisIndex: 1,
        color: '#2f6db3',
        connectNulls: false,
        data: r.months.map((m) => m.rate),
        tooltip: { valueFormatter: (v: number | null) => formatRate(v ?? null, language) },
      },
    ],
  };
}

/** Horizontal bars, the largest on top, the names on the axis. */
const ranked = (language: string, names: string[], values: number[], name: string): ChartOption => ({
  ...base(language),
  legend: { show: false },
  grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
  xAxis: countAxis(language),
  yAxis: { type: 'category', inverse: true, data: names, axisLabel: { width: 220, overflow: 'truncate' } },
  series: [
    {
      type: 'bar',
      name,
      data: values,
      barMaxWidth: 26,
      label: {
        show: true,
        position: 'right',
        formatter: ({ value }: { value: number }) => formatNumber(value, language),
      },
    },
  ],
});

export function rootCauseOption(r: RootCauseReport, language: string, t: Translate): ChartOption {
  return ranked(
    language,
    r.items.map((i) => nameIn(i, language)),
    r.items.map((i) => i.count),
    t('rootCauses.count'),
  );
}

export function agentOption(r: AgentReport, language: string, t: Translate): ChartOption {
  return {
    ...base(language),
    xAxis: {
      type: 'category',
      data: r.items.map((i) => i.assignee),
      axisLabel: { interval: 0, rotate: r.items.length > 8 ? 30 : 0 },
    },
    yAxis: countAxis(language),
    series: (['open', 'overdue', 'resolved'] as const).map((key, i) => ({
      type: 'bar',
      name: t(`agents.${key}`),
      barMaxWidth: 28,
      color: [PALETTE[0], DANGER, PALETTE[2]][i],
      data: r.items.map((item) => item[key]),
    })),
  };
}

export function csatOption(r: CsatReport, language: string, t: Translate): ChartOption {
  const option = ranked(
    language,
    r.items.map((i) => i.name),
    r.items.map((i) => i.average ?? 0),
    t('csat.average'),
  );
  return {
    ...option,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => formatDecimal(v, language),
    },
    xAxis: { type: 'value', min: 0, max: 5, interval: 1 },
    series: [
      {
        type: 'bar',
        name: t('csat.average'),
        barMaxWidth: 26,
        data: r.items.map((i) => i.average ?? 0),
        label: {
          show: true,
          position: 'right',
          formatter: ({ value }: { value: number }) => formatDecimal(value, language),
        },
      },
    ],
  };
}

export function funnelOption(r: CampaignFunnelReport, language: string, t: Translate): ChartOption {
  return {
    animation: false,
    color: PALETTE,
    tooltip: { trigger: 'item', valueFormatter: (v: number) => formatNumber(v, language) },
    series: [
      {
        type: 'funnel',
        name: t('funnel.title'),
        sort: 'none',
        left: '10%',
        width: '80%',
        top: 8,
        bottom: 8,
        minSize: '8%',
        gap: 2,
        label: {
          position: 'inside',
          formatter: ({ name, value }: { name: string; value: number }) =>
            `${name}: ${formatNumber(value, language)}`,
        },
        data: FUNNEL_STEPS.map((step) => ({ name: t(`funnel.step.${step}`), value: r.overall.funnel[step] })),
      },
    ],
  };
}

export function consentOption(r: ConsentWithdrawalReport, language: string, t: Translate): ChartOption {
  return {
    ...base(language),
    xAxis: { type: 'category', data: r.months.map((m) => monthLabel(m, language)) },
    yAxis: countAxis(language),
    series: r.series.map((s) => ({
      type: 'bar',
      stack: 'withdrawals',
      name: consentLabel(s, t),
      data: s.counts,
    })),
  };
}

/** `E-mail · Pemasaran`: a consent's channel and purpose in the reader's language. */
export const consentLabel = (s: { channel: string; purpose: string }, t: Translate) =>
  `${t(`channel.${s.channel}`, { defaultValue: s.channel })} · ${t(`purpose.${s.purpose}`, { defaultValue: s.purpose })}`;
