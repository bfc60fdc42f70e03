import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format.ts';

/**
 * Offset paging under a list: which rows are shown of how many, and the previous and next
 * page. The words come from the screen's namespace, `<prefix>paging`, `<prefix>range` (with
 * first, last and total), `<prefix>previous` and `<prefix>next`.
 */
export function Pager({
  offset,
  count,
  pageSize,
  total,
  onOffset,
  t,
  prefix = '',
}: {
  offset: number;
  /** The rows on this page. */
  count: number;
  pageSize: number;
  total: number;
  onOffset(offset: number): void;
  t: TFunction;
  prefix?: string;
}) {
  const { i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <nav className="pager" aria-label={t(`${prefix}paging`)}>
      <span>{t(`${prefix}range`, { first: n(offset + 1), last: n(offset + count), total: n(total) })}</span>
      <button
        type="button"
        className="secondary"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - pageSize))}
      >
        {t(`${prefix}previous`)}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={offset + pageSize >= total}
        onClick={() => onOffset(offset + pageSize)}
      >
        {t(`${prefix}next`)}
      </button>
    </nav>
  );
}
