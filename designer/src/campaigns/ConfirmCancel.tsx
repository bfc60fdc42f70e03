import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';

/** Cancelling withdraws what is not yet sent and cannot be undone: asked once more. */
export function ConfirmCancel({
  busy,
  onConfirm,
  onClose,
}: {
  busy: boolean;
  onConfirm(): void;
  onClose(): void;
}) {
  const { t } = useTranslation('campaigns');
  return (
    <Dialog title={t('detail.cancel')} onClose={onClose}>
      <p>{t('detail.confirmCancel')}</p>
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>
          {t('detail.keep')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={onConfirm} data-confirm-cancel>
          {t('detail.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
