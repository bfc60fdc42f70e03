import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { createBranch, updateBranch } from './api.ts';
import { FormEnd, useSave } from './form-save.tsx';
import { Field } from './parts.tsx';
import { BRANCH_KINDS, type Branch } from './types.ts';

const FIELDS = ['code', 'name', 'city', 'kind', 'active'] as const;

/** Adds an office, or renames one, changes its kind or (de)activates it. */
export function BranchDialog({
  branch,
  onClose,
  onSaved,
}: {
  branch: Branch | null;
  onClose(): void;
  onSaved(branch: Branch): void;
}) {
  const { t } = useTranslation('admin');
  const [form, setForm] = useState<Branch>(
    branch ?? { code: '', name: '', city: '', kind: 'branch', active: true },
  );
  const { problem, busy, save } = useSave(FIELDS);
  const set = <K extends keyof Branch>(name: K, value: Branch[K]) =>
    setForm((f) => ({ ...f, [name]: value }));

  const submit = save(async () => {
    const { code, active, ...fields } = form;
    onSaved(
      branch ? await updateBranch(code, { ...fields, active }) : await createBranch({ code, ...fields }),
    );
  });

  return (
    <Dialog
      title={branch ? t('branches.editTitle', { code: branch.code }) : t('branches.createTitle')}
      onClose={onClose}
    >
      <form className="ad-form" onSubmit={submit} data-form="branch" noValidate>
        {!branch && (
          <Field label={t('branches.code')} name="code" problem={problem} hint={t('branches.codeHint')}>
            <input
              name="code"
              value={form.code}
              aria-invalid={!!problem.fields.code}
              onChange={(e) => set('code', e.target.value.toUpperCase())}
            />
          </Field>
        )}
        <Field label={t('branches.name')} name="name" problem={problem}>
          <input name="name" value={form.name} onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label={t('branches.city')} name="city" problem={problem}>
          <input name="city" value={form.city} onChange={(e) => set('city', e.target.value)} />
        </Field>
        <Field label={t('branches.kind')} name="kind" problem={problem}>
          <select
            name="kind"
            value={form.kind}
            onChange={(e) => set('kind', e.target.value as Branch['kind'])}
          >
            {BRANCH_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`branches.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        {branch && (
          <label className="ad-check">
            <input
              type="checkbox"
              name="active"
              checked={form.active}
              onChange={(e) => set('active', e.target.checked)}
            />
            {t('branches.activeLabel')}
          </label>
        )}
        <FormEnd problem={problem} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
