import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { type StaffMember, usePeople } from '../components/people.tsx';
import { problemText } from './problems.ts';

/** The roles that work tasks (tasks.work): suggested when the task names no candidate group. */
const WORKING_ROLES = [
  'agent',
  'backoffice',
  'supervisor',
  'relationship-manager',
  'compliance',
  'marketing',
];

/** Active staff of the task's candidate groups, or of every working role when it has none. */
function suggestions(people: StaffMember[], groups: string[]): StaffMember[] {
  const ofRoles = (roles: string[]) =>
    people.filter((p) => p.active && p.roles.some((r) => roles.includes(r)));
  const inGroups = groups.length > 0 ? ofRoles(groups) : [];
  return inGroups.length > 0 ? inGroups : ofRoles(WORKING_ROLES);
}

/** A supervisor gives the task to someone, or to nobody; the server checks who may take it. */
export function AssignDialog({
  current,
  groups = [],
  onAssign,
  onClose,
}: {
  current: string | null;
  /** The task's candidate groups: their members are suggested first. */
  groups?: string[];
  onAssign(assignee: string | null): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation('tasks');
  const people = usePeople();
  const users = suggestions(people.list, groups);
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
          {users.map((u) => (
            <option key={u.username} value={u.username} label={u.displayName}>
              {u.displayName}
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
