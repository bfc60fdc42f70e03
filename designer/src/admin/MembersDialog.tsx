import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { setQueueMembers } from './api.ts';
import { FormEnd, useSave } from './form-save.tsx';
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
  const { problem, busy, save } = useSave([]);
  const candidates = users.filter(
    (u) => queue.members.includes(u.username) || (!u.disabled && u.roles.some((r) => WORKERS.includes(r))),
  );
  const toggle = (username: string, on: boolean) =>
    setMembers((list) => (on ? [...list, username] : list.filter((m) => m !== username)));

  const submit = save(async () => {
    onSaved(await setQueueMembers(queue.code, members));
  });

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
        <FormEnd problem={problem} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
