import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { setQueueMembers } from './api.ts';
import { formProblem, NO_PROBLEM } from './form-errors.ts';
import { Problems } from './parts.tsx';
import type { Queue, User } from './types.ts';

/** The roles whose people work a queue's complaints. */
const WORKERS = ['agent', 'backoffice', 'supervisor', 'relationship-manager'];

/** Replaces a queue's members: agents and back office staff, and anyone already a member. */
export function MembersDialog({
  queue,
  users,
  onClose,
  onSaved,
}: {
  queue: Queue;
  users: User[];
  onClose(): void;
  onSaved(queue: Queue): void;
}) {
  const { t, i18n } = useTranslation('admin');
  const { t: common } = useTranslation('common');
  const [members, setMembers] = useState<string[]>(queue.members);
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const candidates = users.filter(
    (u) => queue.members.includes(u.username) || (!u.disabled && u.roles.some((r) => WORKERS.includes(r))),
  );
  const toggle = (username: string, on: boolean) =>
    setMembers((list) => (on ? [...list, username] : list.filter((m) => m !== username)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(NO_PROBLEM);
    try {
      onSaved(await setQueueMembers(queue.code, members));
    } catch (error) {
      setProblem(formProblem(error, [], t('error'), t));
    } finally {
      setBusy(false);
    }
  };

  const name = i18n.language === 'en' ? queue.nameEn : queue.name;
  return (
    <Dialog title={t('queues.membersTitle', { name })} onClose={onClose}>
      <form className="ad-form" onSubmit={submit} data-form="members">
        <fieldset className="ad-members">
          <legend>{t('queues.membersHint')}</legend>
          {candidates.map((user) => (
            <label key={user.username} className="ad-check" data-member={user.username}>
              <input
                type="checkbox"
                name="members"
                value={user.username}
                checked={members.includes(user.username)}
                onChange={(e) => toggle(user.username, e.target.checked)}
              />
              <span>
                {user.displayName} <code className="muted">{user.username}</code>
                <small className="muted"> · {user.roles.map((r) => common(`roles.${r}`)).join(', ')}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <Problems problem={problem} />
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" disabled={busy}>
            {t('save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
