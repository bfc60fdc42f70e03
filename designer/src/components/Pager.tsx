/** Offset paging under a list: which rows are shown of how many, and the previous and next page. */
export function Pager({
  offset,
  pageSize,
  total,
  onOffset,
  labels,
}: {
  offset: number;
  pageSize: number;
  total: number;
  onOffset(offset: number): void;
  /** In the reader's language: the nav's name, "21–40 of 57", and the two buttons. */
  labels: { paging: string; range: string; previous: string; next: string };
}) {
  return (
    <nav className="pager" aria-label={labels.paging}>
      <span>{labels.range}</span>
      <button
        type="button"
        className="secondary"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - pageSize))}
      >
        {labels.previous}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={offset + pageSize >= total}
        onClick={() => onOffset(offset + pageSize)}
      >
        {labels.next}
      </button>
    </nav>
  );
}
