import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Person } from '../components/people.tsx';
import { formatDateTime } from '../format.ts';
import { href } from '../router.ts';
import type { Sort, SortField } from './case-query.ts';
import { SeverityBadge, SlaBadge, StatusBadge } from './SlaBadge.tsx';
import type { CaseItem } from './types.ts';
import { useCaseWords } from './use-words.ts';

/** Cases as rows; the date columns sort when `onSort` is given; `extra` adds a last column. */
export function CaseTable({
  items,
  sort,
  onSort,
  extra,
}: {
  items: CaseItem[];
  sort?: Sort;
  onSort?(field: SortField): void;
  extra?: { label: string; cell(item: CaseItem): ReactNode };
}) {
  const { t, i18n } = useTranslation('cases');
  const words = useCaseWords();
  const header = (field: SortField) => {
    const active = sort?.field === field;
    return (
      <th aria-sort={active ? (sort?.desc ? 'descending' : 'ascending') : undefined}>
        {onSort ? (
          <button type="button" className="link cs-sort" onClick={() => onSort(field)}>
            {t(`col.${field}`)}
            {active ? (sort?.desc ? ' ▼' : ' ▲') : ''}
          </button>
        ) : (
          t(`col.${field}`)
        )}
      </th>
    );
  };
  return (
    <table className="cs-table">
      <thead>
        <tr>
          <th>{t('col.number')}</th>
          <th>{t('col.customer')}</th>
          <th>{t('col.category')}</th>
          <th>{t('col.severity')}</th>
          <th>{t('col.status')}</th>
          <th>{t('col.assignee')}</th>
          <th>{t('col.sla')}</th>
          {header('slaDueAt')}
          {header('createdAt')}
          {extra && <th>{extra.label}</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-case-id={item.id} data-case-number={item.number}>
            <td>
              <a href={href('cases', item.id)} className="cs-number">
                {item.number}
              </a>
            </td>
            <td>
              <div>{item.customer.fullName}</div>
              <div className="muted cs-small">{item.customer.cif}</div>
            </td>
            <td>{words.category(item.category)}</td>
            <td>
              <SeverityBadge severity={item.severity} />
            </td>
            <td>
              <StatusBadge status={item.status} />
              {item.escalationLevel > 0 && (
                <span className="badge danger cs-escalated" data-escalation={item.escalationLevel}>
                  {t('escalations.level', { level: item.escalationLevel })}
                </span>
              )}
            </td>
            <td>
              {item.assignee ? (
                <Person username={item.assignee} />
              ) : (
                <span className="muted">{t('unassigned')}</span>
              )}
            </td>
            <td>
              <SlaBadge item={item} />
            </td>
            <td className="cs-small">{formatDateTime(item.slaDueAt ?? undefined, i18n.language)}</td>
            <td className="cs-small">{formatDateTime(item.createdAt, i18n.language)}</td>
            {extra && <td>{extra.cell(item)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
