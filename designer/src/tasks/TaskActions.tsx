import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisplayName } from '../components/people.tsx';
import { AssignDialog } from './AssignDialog.tsx';
import { assignTask, claimTask, unclaimTask } from './api.ts';
import type { Task } from './types.ts';

export type Run = (name: string, action: () => Promise<unknown>, done?: string) => Promise<boolean>;

/** Claim, give back, and (supervisors) assign: what the person may do with the task as it stands. */
export function TaskActions({
  task,
  open,
  mine,
  supervises,
  busy,
  run,
}: {
  task: Task;
  open: boolean;
  mine: boolean;
  supervises: boolean;
  busy: string | null;
  run: Run;
}) {
  const { t } = useTranslation('tasks');
  const name = useDisplayName();
  const [assigning, setAssigning] = useState(false);
  return (
    <div className="tk-actions">
      {open && task.assignee === null && (
        <button
          type="button"
          name="claim"
          disabled={busy !== null}
          onClick={() => void run('claim', () => claimTask(task.key), t('actions.claimed'))}
        >
          {busy === 'claim' ? t('actions.working') : t('actions.claim')}
        </button>
      )}
      {open && task.assignee !== null && (mine || supervises) && (
        <button
          type="button"
          name="unclaim"
          className="secondary"
          disabled={busy !== null}
          onClick={() => void run('unclaim', () => unclaimTask(task.key), t('actions.unclaimed'))}
        >
          {t('actions.unclaim')}
        </button>
      )}
      {open && supervises && (
        <button
          type="button"
          name="assign"
          className="secondary"
          disabled={busy !== null}
          onClick={() => setAssigning(true)}
        >
          {t('actions.assign')}
        </button>
      )}
      {assigning && (
        <AssignDialog
          current={task.assignee}
          groups={task.candidateGroups}
          onClose={() => setAssigning(false)}
          onAssign={async (assignee) => {
            // The dialog shows the refusal itself (e.g. INVALID_ASSIGNEE) and stays open.
            await assignTask(task.key, assignee);
            await run(
              'assign',
              async () => undefined,
              assignee ? t('actions.assigned', { user: name(assignee) }) : t('actions.assignedNobody'),
            );
          }}
        />
      )}
    </div>
  );
}
