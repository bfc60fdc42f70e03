import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { createUser, updateUser } from './api.ts';
import { FormEnd, useSave } from './form-save.tsx';
import { Field } from './parts.tsx';
import { type Branch, ROLES, type User } from './types.ts';

const FIELDS = ['username', 'displayName', 'roles', 'branchCode', 'password'] as const;

/** Creates a user (with an initial password) or changes one's name, roles and branch. */
export function UserDialog({
  user,
  branches,
  onClose,
  onSaved,
}: {
  user: User | null;
  branches: Branch[];
  onClose(): void;
  onSaved(user: User): void;
}) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation('common');
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [roles, setRoles] = useState<string[]>(user?.roles ?? []);
  const [branchCode, setBranchCode] = useState(user?.branchCode ?? '');
  const [password, setPassword] = useState('');
  const { problem, setProblem, busy, save } = useSave(FIELDS);

  const toggle = (role: string, on: boolean) =>
    setRoles((list) => (on ? [...list, role] : list.filter((r) => r !== role)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (roles.length === 0) {
      setProblem({ fields: { roles: t('users.pickRole') }, general: [] });
      return;
    }
    return save(async () => {
      const branch = branchCode || null;
      const saved = user
        ? await updateUser(user.username, { displayName, roles, branchCode: branch })
        : await createUser({ username, displayName, roles, branchCode: branch, password });
      onSaved(saved);
    })(event);
  };

  const selectable = branches.filter((b) => b.active || b.code === user?.branchCode);
  return (
    <Dialog
      title={user ? t('users.editTitle', { username: user.username }) : t('users.createTitle')}
      onClose={onClose}
    >
      <form className="ad-form" onSubmit={submit} data-form="user" noValidate>
        {!user && (
          <Field label={t('users.username')} name="username" problem={problem} hint={t('users.usernameHint')}>
            <input
              name="username"
              value={username}
              autoComplete="off"
              required
              aria-invalid={!!problem.fields.username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </Field>
        )}
        <Field label={t('users.displayName')} name="displayName" problem={problem}>
          <input
            name="displayName"
            value={displayName}
            required
            aria-invalid={!!problem.fields.displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </Field>
        <fieldset className="ad-roles" data-field="roles">
          <legend>{t('users.roles')}</legend>
          {ROLES.map((role) => (
            <label key={role} className="ad-check">
              <input
                type="checkbox"
                name="roles"
                value={role}
                checked={roles.includes(role)}
                onChange={(e) => toggle(role, e.target.checked)}
              />
              {common(`roles.${role}`)}
            </label>
          ))}
          {problem.fields.roles && (
            <small className="error" role="alert" data-field-error="roles">
              {problem.fields.roles}
            </small>
          )}
        </fieldset>
        <Field label={t('users.branch')} name="branchCode" problem={problem}>
          <select name="branchCode" value={branchCode} onChange={(e) => setBranchCode(e.target.value)}>
            <option value="">{t('users.noBranch')}</option>
            {selectable.map((branch) => (
              <option key={branch.code} value={branch.code}>
                {branch.code} · {branch.name}
              </option>
            ))}
          </select>
        </Field>
        {!user && (
          <Field label={t('users.password')} name="password" problem={problem} hint={t('users.passwordHint')}>
            <input
              name="password"
              type="password"
              value={password}
              autoComplete="new-password"
              required
              aria-invalid={!!problem.fields.password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
        )}
        <FormEnd problem={problem} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
