import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, formatDateTime, formatNumber } from '../format.ts';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { listBranches, listUsers, unlockUser, updateUser } from './api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { userState } from './form-errors.ts';
import { PasswordDialog } from './PasswordDialog.tsx';
import { AdminPage, LoadState, Notice } from './parts.tsx';
import { ROLES, type User } from './types.ts';
import { UserDialog } from './UserDialog.tsx';

type Open = { kind: 'create' } | { kind: 'edit' | 'password' | 'disable'; user: User } | null;

const STATE_BADGE = { active: 'ok', locked: 'warn', disabled: 'danger' } as const;

/** Users with their roles, branch and state; create, change, disable, reset password, unlock. */
export function UsersPage() {
  const { t, i18n } = useTranslation('admin');
  const { t: common } = useTranslation('common');
  const { me } = useSession();
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [branchCode, setBranchCode] = useState('');
  const filter = { q: q.trim(), role, branchCode };
  const users = useLoad(() => listUsers(filter), JSON.stringify(filter));
  const branches = useLoad(listBranches, 'branches');
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const done = (text: string) => {
    setOpen(null);
    setFailure(null);
    setNotice(text);
    void users.reload();
  };
  const unlock = async (user: User) => {
    setNotice(null);
    try {
      await unlockUser(user.username);
      done(t('users.unlocked', { username: user.username }));
    } catch (error) {
      setFailure(errorText(error, t('error')));
    }
  };

  return (
    <AdminPage
      id="users"
      title={t('users.title')}
      intro={t('users.intro')}
      action={
        <button type="button" onClick={() => setOpen({ kind: 'create' })}>
          {t('users.new')}
        </button>
      }
    >
      <search className="ad-filters">
        <label>
          {t('users.search')}
          <input type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <label>
          {t('users.role')}
          <select name="role" value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{t('users.all')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {common(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('users.branch')}
          <select name="branchCode" value={branchCode} onChange={(e) => setBranchCode(e.target.value)}>
            <option value="">{t('users.all')}</option>
            {branches.data?.map((b) => (
              <option key={b.code} value={b.code}>
                {b.code} · {b.name}
              </option>
            ))}
          </select>
        </label>
        {users.data && (
          <span className="muted" data-total={users.data.total}>
            {t('users.count', { count: users.data.total, n: formatNumber(users.data.total, i18n.language) })}
          </span>
        )}
      </search>
      <Notice text={notice} />
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      <LoadState
        loading={users.loading && !users.data}
        error={users.error}
        empty={users.data?.items.length === 0}
        emptyText={t('users.empty')}
      >
        <table className="ad-table" data-table="users">
          <thead>
            <tr>
              <th>{t('users.username')}</th>
              <th>{t('users.displayName')}</th>
              <th>{t('users.roles')}</th>
              <th>{t('users.branch')}</th>
              <th>{t('users.state')}</th>
              <th>{t('users.created')}</th>
              <th>
                <span className="sr-only">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data?.items.map((user) => {
              const state = userState(user);
              return (
                <tr key={user.username} data-username={user.username} data-state={state}>
                  <td>
                    <code>{user.username}</code>
                  </td>
                  <td>{user.displayName}</td>
                  <td>{user.roles.map((r) => common(`roles.${r}`)).join(', ')}</td>
                  <td>{user.branchCode ?? t('none')}</td>
                  <td>
                    <span
                      className={`badge ${STATE_BADGE[state]}`}
                      title={
                        user.lockedUntil
                          ? t('users.lockedUntil', { until: formatDateTime(user.lockedUntil, i18n.language) })
                          : undefined
                      }
                    >
                      {t(`users.states.${state}`)}
                    </span>
                  </td>
                  <td className="ad-nowrap">{formatDateTime(user.createdAt, i18n.language)}</td>
                  <td className="ad-row-actions">
                    <button type="button" className="link" onClick={() => setOpen({ kind: 'edit', user })}>
                      {t('edit')}
                    </button>
                    <button
                      type="button"
                      className="link"
                      onClick={() => setOpen({ kind: 'password', user })}
                    >
                      {t('users.resetPassword')}
                    </button>
                    {user.lockedUntil && (
                      <button type="button" className="link" onClick={() => void unlock(user)}>
                        {t('users.unlock')}
                      </button>
                    )}
                    {user.disabled ? (
                      <button type="button" className="link" onClick={() => void enable(user)}>
                        {t('users.enable')}
                      </button>
                    ) : (
                      user.username !== me?.username && (
                        <button
                          type="button"
                          className="link"
                          onClick={() => setOpen({ kind: 'disable', user })}
                        >
                          {t('users.disable')}
                        </button>
                      )
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </LoadState>
      {(open?.kind === 'create' || open?.kind === 'edit') && (
        <UserDialog
          user={open.kind === 'edit' ? open.user : null}
          branches={branches.data ?? []}
          onClose={() => setOpen(null)}
          onSaved={(saved) =>
            done(t(open.kind === 'edit' ? 'users.saved' : 'users.created_', { username: saved.username }))
          }
        />
      )}
      {open?.kind === 'password' && (
        <PasswordDialog
          username={open.user.username}
          onClose={() => setOpen(null)}
          onSaved={() => done(t('users.passwordSet', { username: open.user.username }))}
        />
      )}
      {open?.kind === 'disable' && (
        <ConfirmDialog
          title={t('users.disable')}
          text={t('users.confirmDisable', { username: open.user.username })}
          confirm={t('users.disable')}
          danger
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            await updateUser(open.user.username, { disabled: true });
            done(t('users.disabled_', { username: open.user.username }));
          }}
        />
      )}
    </AdminPage>
  );

  async function enable(user: User) {
    setNotice(null);
    try {
      await updateUser(user.username, { disabled: false });
      done(t('users.enabled', { username: user.username }));
    } catch (error) {
      setFailure(errorText(error, t('error')));
    }
  }
}
