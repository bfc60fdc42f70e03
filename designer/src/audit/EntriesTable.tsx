import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.ts';
import { changesOf, valueText } from './filters.ts';
import type { AuditEntry } from './types.ts';
import { useAuditWords } from './words.ts';

const SHOWN_CHANGES = 3;

/** A page of the trail, newest first: who did what to which object, from where, and what changed. */
export function EntriesTable({ items, onOpen }: { items: AuditEntry[]; onOpen(entry: AuditEntry): void }) {
  const { t, i18n } = useTranslation('audit');
  const words = useAuditWords();
  return (
    <table className="au-entries">
      <thead>
        <tr>
          <th scope="col">{t('table.seq')}</th>
          <th scope="col">{t('table.at')}</th>
          <th scope="col">{t('table.actor')}</th>
          <th scope="col">{t('table.action')}</th>
          <th scope="col">{t('table.entity')}</th>
          <th scope="col">{t('table.source')}</th>
          <th scope="col">{t('table.changes')}</th>
          <th scope="col">
            <span className="au-hidden">{t('table.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((entry) => (
          <tr key={entry.seq} data-seq={entry.seq} data-action={entry.action} data-actor={entry.actor}>
            <td className="au-seq">{entry.seq}</td>
            <td className="au-nowrap">{formatDateTime(entry.at, i18n.language)}</td>
            <td>{entry.actor}</td>
            <td>
              {words.action(entry.action)}
              <div className="muted au-code">{entry.action}</div>
            </td>
            <td>
              {words.entity(entry.entityType)}
              <div className="muted au-code" title={entry.entityId}>
                {entry.entityId}
              </div>
            </td>
            <td className="au-code">{entry.source ?? '—'}</td>
            <td>
              <ChangesSummary entry={entry} />
            </td>
            <td>
              <button type="button" className="secondary au-open" onClick={() => onOpen(entry)}>
                {t('table.open')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChangesSummary({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('audit');
  if (entry.erased) return <span className="badge warn">{t('table.erased')}</span>;
  const changes = changesOf(entry.details);
  if (changes.length === 0) return <span className="muted">{t('table.noDetails')}</span>;
  return (
    <ul className="au-changes" data-raw="changes">
      {changes.slice(0, SHOWN_CHANGES).map((c) => (
        <li key={c.field}>
          <span className="au-field">{c.field}</span>:{' '}
          {'value' in c ? (
            <span className="au-value">{valueText(c.value)}</span>
          ) : (
            <>
              <span className="au-value">{valueText(c.from)}</span> →{' '}
              <span className="au-value">{valueText(c.to)}</span>
            </>
          )}
        </li>
      ))}
      {changes.length > SHOWN_CHANGES && (
        <li className="muted">{t('table.more', { n: changes.length - SHOWN_CHANGES })}</li>
      )}
    </ul>
  );
}
