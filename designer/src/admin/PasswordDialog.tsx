import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { setPassword } from './api.ts';
import { FormEnd, useSave } from './form-save.tsx';
import { Field } from './parts.tsx';

/** An admin sets a new password; the server ends every session of that user. */
export function PasswordDialog({
  username,
  onClose,
  onSaved,
}: {
  username: string;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation('admin');
  const [password, setValue] = useState('');
  const { problem, busy, save } = useSave(['password']);
  const submit = save(async () => {
    await setPassword(username, password);
    onSaved();
  });
  return (
    <Dialog title={t('users.resetTitle', { username })} onClose={onClose}>
      <form className="ad-form" onSubmit={submit} data-form="password" noValidate>
        <p className="muted">{t('users.resetHint')}</p>
        <Field
          label={t('users.newPassword')}
          name="password"
          problem={problem}
          hint={t('users.passwordHint')}
        >
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            aria-invalid={!!problem.fields.password}
            onChange={(e) => setValue(e.target.value)}
          />
        </Field>
        <FormEnd problem={problem} busy={busy} onCancel={onClose} submitLabel={t('users.resetPassword')} />
      </form>
    </Dialog>
  );
}
