import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { listTasks, listUsers } from './api.ts';
import { problemText } from './problems.ts';

/** Only these roles may read `/api/users` (users.manage); the others type a username. */
const USER_READERS = ['admin'];

/** Users to suggest: the directory where the role reads it, else whoever holds open tasks. */
async function suggestions(readsUsers: boolean): Promise<{ username: string; label: string }[]> {
  if (readsUsers) {
    const { items } = await listUsers();
    return items.filter((u) => !u.disabledAt).map((u) => ({ username: u.username, label: u.displayName }));
  }
  const { items } = await listTasks('all', 'limit=200');
  const names = new Set(items.flatMap((task) => [task.assignee, ...task.candidateUsers]));
  return [...names].filter((n): n is string => !!n).map((username) => ({ username, label: username }));
}

/** A supervisor gives the task to someone, or to nobody; the server checks who may take it. */
export function AssignDialog({
  current,
  onAssign,
  onClose,
}: {
  current: string | null;
  onAssign(assignee: string | null): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation('tasks');
  const { has } = useSession();
  const readsUsers = has(...USER_READERS);
  const users = useLoad(() => suggestions(readsUsers), `assignees:${readsUsers}`);
  const [username, setUsername] = useState(current ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async (assignee: string | null) => {
    setBusy(true);
    setError('');
    try {
      await onAssign(assignee);
      onClose();
    } catch (failure) {
      setError(problemText(failure, t, t('error')));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim()) return setError(t('assign.required'));
    void send(username.trim());
  };

  return (
    <Dialog title={t('assign.title')} onClose={onClose}>
      <form className="tk-assign" onSubmit={submit}>
        <label>
          {t('assign.username')}
          <input
            name="assignee"
            list="tk-assignees"
            value={username}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby="tk-assign-hint"
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <datalist id="tk-assignees">
          {(users.data ?? []).map((u) => (
            <option key={u.username} value={u.username}>
              {u.label}
            </option>
          ))}
        </datalist>
        <p id="tk-assign-hint" className="muted tk-hint">
          {t('assign.usernameHint')}
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          {current && (
            <button type="button" className="secondary" disabled={busy} onClick={() => void send(null)}>
              {t('assign.nobody')}
            </button>
          )}
          <button type="submit" disabled={busy}>
            {t('assign.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
