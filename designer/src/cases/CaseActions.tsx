import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format.ts';
import { changeStatus, documentsComplete } from './api.ts';
import { isOpen, nextStatuses } from './case-query.ts';
import { ExtensionDialog } from './ExtensionDialog.tsx';
import { ReassignDialog } from './ReassignDialog.tsx';
import type { CaseDetail } from './types.ts';

/** Status, documents complete; for supervisors (cases.manage) also extension and reassignment. */
export function CaseActions({
  c,
  canManage,
  onChanged,
}: {
  c: CaseDetail;
  canManage: boolean;
  onChanged(): void;
}) {
  const { t } = useTranslation('cases');
  const next = nextStatuses(c.status);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<'extend' | 'reassign' | null>(null);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      setTo('');
      setNote('');
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const canDocuments = isOpen(c.status) && c.form === 'written' && c.documentsCompleteAt === null;
  const canExtend = canManage && isOpen(c.status) && c.regulatoryDueAt !== null && c.extension === null;
  const canReassign = canManage && isOpen(c.status) && c.queue !== null;
  if (next.length === 0 && !canDocuments && !canExtend && !canReassign) return null;
  return (
    <section className="cs-card cs-actions" aria-labelledby="cs-actions-title">
      <h2 id="cs-actions-title">{t('detail.actions')}</h2>
      {next.length > 0 && (
        <form
          className="cs-status-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (to) void run(() => changeStatus(c.id, to, note.trim() || undefined));
          }}
        >
          <label>
            {t('actions.statusTo')}
            <select name="status" value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="">—</option>
              {next.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('actions.note')}
            <input name="note" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" disabled={busy || !to}>
            {t('actions.apply')}
          </button>
        </form>
      )}
      {canDocuments && (
        <div className="cs-action">
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void run(() => documentsComplete(c.id))}
          >
            {t('actions.documents')}
          </button>
          <span className="muted cs-small">{t('actions.documentsHint')}</span>
        </div>
      )}
      {(canExtend || canReassign) && (
        <div className="cs-action" data-section="manage">
          {canReassign && (
            <button type="button" className="secondary" onClick={() => setDialog('reassign')}>
              {t('actions.reassign')}
            </button>
          )}
          {canExtend && (
            <button type="button" className="secondary" onClick={() => setDialog('extend')}>
              {t('actions.extend')}
            </button>
          )}
        </div>
      )}
      {error !== undefined && (
        <p className="error" role="alert">
          {errorText(error, t('error'))}
        </p>
      )}
      {dialog === 'extend' && <ExtensionDialog c={c} onClose={() => setDialog(null)} onDone={onChanged} />}
      {dialog === 'reassign' && <ReassignDialog c={c} onClose={() => setDialog(null)} onDone={onChanged} />}
    </section>
  );
}
