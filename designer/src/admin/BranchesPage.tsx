import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../use-load.ts';
import { listBranches, listUsers } from './api.ts';
import { BranchDialog } from './BranchDialog.tsx';
import { PortfolioSection } from './PortfolioSection.tsx';
import { AdminPage, ListState } from './parts.tsx';
import type { Branch } from './types.ts';

/** The bank's offices with their staff count, and the relationship managers of each. */
export function BranchesPage() {
  const { t } = useTranslation('admin');
  const branches = useLoad(listBranches, 'branches');
  const users = useLoad(() => listUsers({}), 'users');
  const [open, setOpen] = useState<{ branch: Branch | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const staff = (code: string) => users.data?.items.filter((u) => u.branchCode === code).length ?? 0;

  return (
    <AdminPage
      id="branches"
      title={t('branches.title')}
      intro={t('branches.intro')}
      notice={notice}
      action={
        <button type="button" onClick={() => setOpen({ branch: null })}>
          {t('branches.new')}
        </button>
      }
    >
      <ListState list={branches} emptyText={t('branches.empty')}>
        <table className="ad-table" data-table="branches">
          <thead>
            <tr>
              <th>{t('branches.code')}</th>
              <th>{t('branches.name')}</th>
              <th>{t('branches.city')}</th>
              <th>{t('branches.kind')}</th>
              <th>{t('branches.staff')}</th>
              <th>{t('branches.state')}</th>
              <th>
                <span className="sr-only">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {branches.data?.map((branch) => (
              <tr key={branch.code} data-branch={branch.code}>
                <td>
                  <code>{branch.code}</code>
                </td>
                <td>{branch.name}</td>
                <td>{branch.city}</td>
                <td>{t(`branches.kinds.${branch.kind}`)}</td>
                <td>{users.data ? staff(branch.code) : t('none')}</td>
                <td>
                  <span className={`badge ${branch.active ? 'ok' : ''}`}>
                    {branch.active ? t('active') : t('inactive')}
                  </span>
                </td>
                <td className="ad-row-actions">
                  <button type="button" className="link" onClick={() => setOpen({ branch })}>
                    {t('edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListState>
      <PortfolioSection branches={branches.data ?? []} users={users} />
      {open && (
        <BranchDialog
          branch={open.branch}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            setOpen(null);
            setNotice(t(open.branch ? 'branches.saved' : 'branches.created_', { code: saved.code }));
            void branches.reload();
          }}
        />
      )}
    </AdminPage>
  );
}
