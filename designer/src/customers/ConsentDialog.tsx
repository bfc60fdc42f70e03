import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { errorText } from '../format.ts';
import { recordConsent } from './api.ts';
import type { ConsentCell } from './consent-matrix.ts';
import { CONSENT_SOURCES, type ConsentSource } from './types.ts';

/** Records a consent given or withdrawn for one channel and purpose, with where it came from. */
export function ConsentDialog({
  customerId,
  cell,
  onClose,
  onSaved,
}: {
  customerId: string;
  cell: ConsentCell;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation('customers');
  const granting = cell.state !== 'granted';
  const [source, setSource] = useState<ConsentSource>('branch-form');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const channel = t(`channel.${cell.channel}`, { defaultValue: cell.channel });
  const purpose = t(`purpose.${cell.purpose}`, { defaultValue: cell.purpose });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      await recordConsent(customerId, {
        channel: cell.channel,
        purpose: cell.purpose,
        granted: granting,
        source,
      });
      onSaved();
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('consents.changeTitle', {
        action: t(granting ? 'consents.grant' : 'consents.withdraw'),
        channel,
        purpose,
      })}
      onClose={onClose}
    >
      <form className="cu-form" onSubmit={submit}>
        <label>
          {t('consents.source')}
          <select name="source" value={source} onChange={(e) => setSource(e.target.value as ConsentSource)}>
            {CONSENT_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`source.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="muted">{granting ? t('consents.sourceHint') : t('consents.withdrawNote')}</p>
        {failure !== undefined && (
          <p className="error" role="alert">
            {errorText(failure, t('error'))}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className={granting ? undefined : 'danger'} disabled={busy}>
            {t(granting ? 'consents.grant' : 'consents.withdraw')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
