import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { createQueue, type QueueFields, updateQueue } from './api.ts';
import { FormEnd, useSave } from './form-save.tsx';
import { Field } from './parts.tsx';
import { ASSIGNMENT_STRATEGIES, type Branch, type Queue, type User } from './types.ts';

const FIELDS = ['code', 'name', 'nameEn', 'candidateGroup', 'strategy', 'branchCode', 'supervisor', 'active'];

/** Creates a complaint queue or changes its names, group, strategy, branch, supervisor, activity. */
export function QueueDialog({
  queue,
  branches,
  supervisors,
  onClose,
  onSaved,
}: {
  queue: Queue | null;
  branches: Branch[];
  supervisors: User[];
  onClose(): void;
  onSaved(queue: Queue): void;
}) {
  const { t } = useTranslation('admin');
  const [code, setCode] = useState(queue?.code ?? '');
  const [form, setForm] = useState<QueueFields>({
    name: queue?.name ?? '',
    nameEn: queue?.nameEn ?? '',
    candidateGroup: queue?.candidateGroup ?? '',
    strategy: queue?.strategy ?? 'least-loaded',
    branchCode: queue?.branchCode ?? null,
    supervisor: queue?.supervisor ?? null,
    active: queue?.active ?? true,
  });
  const { problem, busy, save } = useSave(FIELDS);
  const set = <K extends keyof QueueFields>(name: K, value: QueueFields[K]) =>
    setForm((f) => ({ ...f, [name]: value }));

  const submit = save(async () => {
    onSaved(queue ? await updateQueue(queue.code, form) : await createQueue({ ...form, code, members: [] }));
  });

  return (
    <Dialog
      title={queue ? t('queues.editTitle', { code: queue.code }) : t('queues.createTitle')}
      onClose={onClose}
    >
      <form className="ad-form ad-grid" onSubmit={submit} data-form="queue" noValidate>
        {!queue && (
          <Field label={t('queues.code')} name="code" problem={problem} hint={t('queues.codeHint')}>
            <input name="code" value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} />
          </Field>
        )}
        <Field label={t('queues.name')} name="name" problem={problem}>
          <input name="name" value={form.name} onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label={t('queues.nameEn')} name="nameEn" problem={problem}>
          <input name="nameEn" value={form.nameEn} onChange={(e) => set('nameEn', e.target.value)} />
        </Field>
        <Field
          label={t('queues.candidateGroup')}
          name="candidateGroup"
          problem={problem}
          hint={t('queues.candidateGroupHint')}
        >
          <input
            name="candidateGroup"
            value={form.candidateGroup}
            onChange={(e) => set('candidateGroup', e.target.value)}
          />
        </Field>
        <Field label={t('queues.strategy')} name="strategy" problem={problem}>
          <select
            name="strategy"
            value={form.strategy}
            onChange={(e) => set('strategy', e.target.value as Queue['strategy'])}
          >
            {ASSIGNMENT_STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {t(`queues.strategies.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('queues.branch')} name="branchCode" problem={problem}>
          <select
            name="branchCode"
            value={form.branchCode ?? ''}
            onChange={(e) => set('branchCode', e.target.value || null)}
          >
            <option value="">{t('none')}</option>
            {branches.map((b) => (
              <option key={b.code} value={b.code}>
                {b.code} · {b.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('queues.supervisor')} name="supervisor" problem={problem}>
          <select
            name="supervisor"
            value={form.supervisor ?? ''}
            onChange={(e) => set('supervisor', e.target.value || null)}
          >
            <option value="">{t('none')}</option>
            {supervisors.map((u) => (
              <option key={u.username} value={u.username}>
                {u.displayName} ({u.username})
              </option>
            ))}
          </select>
        </Field>
        <label className="ad-check">
          <input
            type="checkbox"
            name="active"
            checked={form.active}
            onChange={(e) => set('active', e.target.checked)}
          />
          {t('queues.activeLabel')}
        </label>
        <FormEnd problem={problem} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
