import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { formProblem, NO_PROBLEM } from './form-errors.ts';
import { Problems } from './parts.tsx';

/** Asks before an action that cannot simply be undone; shows the server's refusal in place. */
export function ConfirmDialog({
  title,
  text,
  confirm,
  danger = false,
  onConfirm,
  onClose,
}: {
  title: string;
  text: string;
  confirm: string;
  danger?: boolean;
  onConfirm(): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation('admin');
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await onConfirm();
      onClose();
    } catch (error) {
      setProblem(formProblem(error, [], t('error'), t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <p>{text}</p>
      <Problems problem={problem} />
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>
          {t('cancel')}
        </button>
        <button
          type="button"
          className={danger ? 'danger' : undefined}
          disabled={busy}
          onClick={() => void run()}
        >
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}
