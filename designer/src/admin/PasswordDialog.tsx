import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { setPassword } from './api.ts';
import { formProblem, NO_PROBLEM } from './form-errors.ts';
import { Field, Problems } from './parts.tsx';

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
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(NO_PROBLEM);
    try {
      await setPassword(username, password);
      onSaved();
    } catch (error) {
      setProblem(formProblem(error, ['password'], t('error'), t));
    } finally {
      setBusy(false);
    }
  };
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
        <Problems problem={problem} />
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" disabled={busy}>
            {t('users.resetPassword')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
