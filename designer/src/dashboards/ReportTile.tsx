import type { TFunction } from 'i18next';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { errorText } from '../format.ts';
import { useLoad } from '../use-load.ts';
import { Chart } from './Chart.tsx';
import type { ChartOption } from './echarts.ts';
import { dayLabel, periodQuery, type ReportFilter } from './period.ts';
import { fetchReport } from './reports.ts';
import type { ReportName, ReportScope, Reports } from './types.ts';

export interface TileProps<N extends ReportName> {
  name: N;
  period: ReportFilter;
  title: string;
  /** Nothing to draw: the empty state instead of an empty chart. */
  isEmpty(report: Reports[N]): boolean;
  option(report: Reports[N]): ChartOption;
  table(report: Reports[N]): ReactNode;
  /** A headline or note above the chart (an overall rate, the unassigned backlog). */
  summary?(report: Reports[N]): ReactNode;
  chartHeight?: number;
  wide?: boolean;
}

/**
 * One report on the dashboard: its period and scope as the server answered them, a chart or
 * its numbers as a table (a toggle), and loading, empty and error states of its own, so one
 * failing report never blanks the others.
 */
export function ReportTile<N extends ReportName>(props: TileProps<N>) {
  const { name, period, title } = props;
  const { t, i18n } = useTranslation('dashboards');
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const report = useLoad(() => fetchReport(name, period), `${name}${periodQuery(period)}`);
  const data = report.data;
  const empty = data ? props.isEmpty(data) : false;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the option depends on the data and language only
  const option = useMemo(
    () => (data && !empty ? props.option(data) : undefined),
    [data, empty, i18n.language],
  );

  return (
    <article
      className={`db-tile${props.wide ? ' db-wide' : ''}`}
      data-report={name}
      aria-busy={report.loading}
    >
      <header className="db-tile-head">
        <div>
          <h2>{title}</h2>
          {data && (
            <p
              className="muted db-meta"
              data-period={`${data.period.from}/${data.period.to}`}
              title={data.scope.queues?.join(', ')}
            >
              {t('tile.period', {
                from: dayLabel(data.period.from, i18n.language),
                to: dayLabel(data.period.to, i18n.language),
              })}{' '}
              · {scopeText(data.scope, t)}
            </p>
          )}
        </div>
        {data && !empty && (
          <fieldset className="db-views">
            <legend className="db-hidden">{t('tile.views')}</legend>
            {(['chart', 'table'] as const).map((v) => (
              <button
                key={v}
                type="button"
                className={view === v ? undefined : 'secondary'}
                aria-pressed={view === v}
                data-view={v}
                onClick={() => setView(v)}
              >
                {t(`tile.${v}`)}
              </button>
            ))}
          </fieldset>
        )}
      </header>
      {report.error !== undefined && (
        <div className="error db-error" role="alert">
          <p>
            {t('tile.error')}: {errorText(report.error, t('tile.error'))}
          </p>
          {report.error instanceof ApiError && report.error.errors.length > 0 && (
            <ul>
              {report.error.errors.map((e) => (
                <li key={e.field}>
                  <code>{e.field}</code>: {e.message}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="secondary" onClick={() => void report.reload()}>
            {t('tile.retry')}
          </button>
        </div>
      )}
      {report.loading && !data && <p className="muted db-state">{t('tile.loading')}</p>}
      {data && empty && <p className="muted db-state db-empty">{t('tile.empty')}</p>}
      {data && !empty && (
        <>
          {props.summary?.(data)}
          {view === 'chart' && option ? (
            <Chart
              option={option}
              label={t('tile.chartLabel', { title })}
              height={props.chartHeight ?? 300}
            />
          ) : (
            <div className="db-table">{props.table(data)}</div>
          )}
        </>
      )}
    </article>
  );
}

function scopeText(scope: ReportScope, t: TFunction<'dashboards'>): string {
  if (scope.kind === 'branch') return t('tile.scope.branch', { code: scope.branchCode ?? '' });
  if (scope.kind === 'queues') {
    const queues = scope.queues?.length
      ? t('tile.scope.queues', { n: scope.queues.length })
      : t('tile.scope.noQueues');
    return scope.branchCode ? `${queues} · ${t('tile.scope.branch', { code: scope.branchCode })}` : queues;
  }
  return t('tile.scope.all');
}
