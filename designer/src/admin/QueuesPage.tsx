import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../use-load.ts';
import { listBranches, listQueues, listUsers } from './api.ts';
import { MembersDialog } from './MembersDialog.tsx';
import { AdminPage, ListState } from './parts.tsx';
import { QueueDialog } from './QueueDialog.tsx';
import type { Queue } from './types.ts';

type Open = { kind: 'create' } | { kind: 'edit' | 'members'; queue: Queue } | null;

/** Complaint queues: group, strategy, branch, supervisor and members. */
export function QueuesPage() {
  const { t, i18n } = useTranslation('admin');
  const queues = useLoad(listQueues, 'queues');
  const users = useLoad(() => listUsers({}), 'users');
  const branches = useLoad(listBranches, 'branches');
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const nameOf = (username: string) =>
    users.data?.items.find((u) => u.username === username)?.displayName ?? username;
  const saved = (text: string) => {
    setOpen(null);
    setNotice(text);
    void queues.reload();
  };

  return (
    <AdminPage
      id="queues"
      title={t('queues.title')}
      intro={t('queues.intro')}
      notice={notice}
      action={
        <button type="button" onClick={() => setOpen({ kind: 'create' })}>
          {t('queues.new')}
        </button>
      }
    >
      <ListState list={queues} emptyText={t('queues.empty')}>
        <table className="ad-table" data-table="queues">
          <thead>
            <tr>
              <th>{t('queues.code')}</th>
              <th>{i18n.language === 'en' ? t('queues.nameEn') : t('queues.name')}</th>
              <th>{t('queues.candidateGroup')}</th>
              <th>{t('queues.strategy')}</th>
              <th>{t('queues.branch')}</th>
              <th>{t('queues.supervisor')}</th>
              <th>{t('queues.members')}</th>
              <th>
                <span className="sr-only">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {queues.data?.map((queue) => (
              <tr key={queue.code} data-queue={queue.code}>
                <td>
                  <code>{queue.code}</code>
                  {!queue.active && <span className="badge ad-inline">{t('inactive')}</span>}
                </td>
                <td>{i18n.language === 'en' ? queue.nameEn : queue.name}</td>
                <td>
                  <code>{queue.candidateGroup}</code>
                </td>
                <td>{t(`queues.strategies.${queue.strategy}`)}</td>
                <td>{queue.branchCode ?? t('none')}</td>
                <td>{queue.supervisor ? nameOf(queue.supervisor) : t('none')}</td>
                <td data-members={queue.members.join(' ')}>
                  {queue.members.length === 0 ? (
                    <span className="muted">{t('queues.noMembers')}</span>
                  ) : (
                    queue.members.map(nameOf).join(', ')
                  )}
                </td>
                <td className="ad-row-actions">
                  <button type="button" className="link" onClick={() => setOpen({ kind: 'edit', queue })}>
                    {t('edit')}
                  </button>
                  <button type="button" className="link" onClick={() => setOpen({ kind: 'members', queue })}>
                    {t('queues.editMembers')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListState>
      {(open?.kind === 'create' || open?.kind === 'edit') && (
        <QueueDialog
          queue={open.kind === 'edit' ? open.queue : null}
          branches={branches.data ?? []}
          supervisors={users.data?.items.filter((u) => u.roles.includes('supervisor')) ?? []}
          onClose={() => setOpen(null)}
          onSaved={(queue) =>
            saved(t(open.kind === 'edit' ? 'queues.saved' : 'queues.created_', { code: queue.code }))
          }
        />
      )}
      {open?.kind === 'members' && (
        <MembersDialog
          queue={open.queue}
          users={users.data?.items ?? []}
          onClose={() => setOpen(null)}
          onSaved={(queue) =>
            saved(t('queues.membersSaved', { code: queue.code, count: queue.members.length }))
          }
        />
      )}
    </AdminPage>
  );
}
