import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { formatDateTime } from '../format.ts';
import { changesOf, valueText } from './filters.ts';
import type { AuditEntry } from './types.ts';
import { useAuditWords } from './words.ts';

/** One entry in full: every recorded field and every detail, as the server sent them. */
export function EntryDialog({ entry, onClose }: { entry: AuditEntry; onClose(): void }) {
  const { t, i18n } = useTranslation('audit');
  const words = useAuditWords();
  const changes = changesOf(entry.details);
  // A view records what was seen (values); a change records before and after.
  const changed = changes.some((c) => !('value' in c));
  const row = (label: string, value: string, code = false) => (
    <>
      <dt>{label}</dt>
      <dd className={code ? 'au-code' : undefined}>{value}</dd>
    </>
  );
  return (
    <Dialog title={t('entry.title', { seq: entry.seq })} onClose={onClose}>
      <div className="au-entry" data-entry={entry.seq}>
        <dl className="au-fields">
          {row(t('entry.at'), formatDateTime(entry.at, i18n.language))}
          {row(t('entry.actor'), entry.actor)}
          {row(t('entry.action'), `${words.action(entry.action)} (${entry.action})`)}
          {row(t('entry.entityType'), `${words.entity(entry.entityType)} (${entry.entityType})`)}
          {row(t('entry.entityId'), entry.entityId, true)}
          {row(t('entry.subjectId'), entry.subjectId ?? t('entry.none'), true)}
          {row(t('entry.source'), entry.source ?? t('entry.none'), true)}
        </dl>
        <h3>{t('entry.details')}</h3>
        {entry.erased ? (
          <p className="badge warn">{t('table.erased')}</p>
        ) : changes.length === 0 ? (
          <p className="muted">{t('table.noDetails')}</p>
        ) : (
          <>
            <table className="au-detail-table">
              <thead>
                <tr>
                  <th scope="col">{t('entry.field')}</th>
                  {changed ? (
                    <>
                      <th scope="col">{t('entry.from')}</th>
                      <th scope="col">{t('entry.to')}</th>
                    </>
                  ) : (
                    <th scope="col">{t('entry.value')}</th>
                  )}
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.field} data-field={c.field}>
                    <th scope="row">{c.field}</th>
                    {'value' in c ? (
                      <td colSpan={changed ? 2 : 1} className="au-value">
                        {valueText(c.value)}
                      </td>
                    ) : (
                      <>
                        <td className="au-value">{valueText(c.from)}</td>
                        <td className="au-value">{valueText(c.to)}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            {entry.subjectId && <p className="muted au-note">{t('entry.masked')}</p>}
          </>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('entry.close')}
        </button>
      </div>
    </Dialog>
  );
}
