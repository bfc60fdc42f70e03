import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { useDisplayName } from '../components/people.tsx';
import { errorText } from '../format.ts';
import { reassign } from './api.ts';
import type { CaseItem } from './types.ts';
import { useCaseWords } from './use-words.ts';

/** A supervisor gives the case (and its task) to another member of its queue, or of another queue. */
export function ReassignDialog({ c, onClose, onDone }: { c: CaseItem; onClose(): void; onDone(): void }) {
  const { t } = useTranslation('cases');
  const words = useCaseWords();
  const name = useDisplayName();
  const [queue, setQueue] = useState(c.queue ?? '');
  const [assignee, setAssignee] = useState('');
  const moving = queue !== c.queue;
  const members = (words.queues.find((q) => q.code === queue)?.members ?? []).filter(
    (m) => moving || m !== c.assignee,
  );
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await reassign(c.id, assignee, moving ? queue : undefined);
      onDone();
      onClose();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('actions.reassignTitle', { number: c.number })} onClose={onClose}>
      <form
        className="cs-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (assignee) void save();
        }}
      >
        <p className="muted">{t('actions.reassignHint')}</p>
        <label>
          {t('actions.reassignQueue')}
          <select
            name="queue"
            value={queue}
            onChange={(e) => {
              setQueue(e.target.value);
              setAssignee('');
            }}
          >
            {words.queues
              .filter((q) => q.active || q.code === c.queue)
              .map((q) => (
                <option key={q.code} value={q.code}>
                  {words.queue(q.code)}
                </option>
              ))}
          </select>
        </label>
        {members.length === 0 ? (
          <p className="muted">{t('actions.noMembers')}</p>
        ) : (
          <label>
            {t('actions.reassignTo')}
            <select name="assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <option value="">—</option>
              {members.map((m) => (
                <option key={m} value={m}>
                  {name(m)}
                </option>
              ))}
            </select>
          </label>
        )}
        {error !== undefined && (
          <p className="error" role="alert">
            {errorText(error, t('error'))}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button type="submit" disabled={!assignee || busy}>
            {t('actions.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
