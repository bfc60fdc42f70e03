import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format.ts';
import { monthLabel } from './period.ts';

/** One row of a month table: a name, a count per month, and the row's total. */
export interface MonthRow {
  key: string;
  name: ReactNode;
  counts: number[];
  total: number;
}

/**
 * Counts per month: a row per series with its total, and the month totals below. Each row
 * carries `data-<attribute>` (its key; `total` for the totals) for tests and links.
 */
export function MonthTable({
  heading,
  months,
  rows,
  totals,
  total,
  attribute,
}: {
  heading: ReactNode;
  months: string[];
  rows: MonthRow[];
  totals: number[];
  total: number;
  attribute: string;
}) {
  const { t, i18n } = useTranslation('dashboards');
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const line = (key: string, name: ReactNode, counts: number[], sum: number) => (
    <tr key={key} {...{ [`data-${attribute}`]: key }}>
      <th scope="row">{name}</th>
      {counts.map((c, i) => (
        <td key={months[i]} className="num">
          {n(c)}
        </td>
      ))}
      <td className="num" data-total>
        {n(sum)}
      </td>
    </tr>
  );
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          {months.map((m) => (
            <th key={m} scope="col" className="num">
              {monthLabel(m, lang)}
            </th>
          ))}
          <th scope="col" className="num">
            {t('total')}
          </th>
        </tr>
      </thead>
      <tbody>{rows.map((row) => line(row.key, row.name, row.counts, row.total))}</tbody>
      <tfoot>{line('total', t('total'), totals, total)}</tfoot>
    </table>
  );
}
