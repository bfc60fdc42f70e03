import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { errorText } from '../format.ts';
import { extend } from './api.ts';
import { fieldErrors } from './case-query.ts';
import type { CaseItem } from './types.ts';

/** The one POJK extension: 1–10 working days with a reason; the server queues the notice. */
export function ExtensionDialog({ c, onClose, onDone }: { c: CaseItem; onClose(): void; onDone(): void }) {
  const { t } = useTranslation('cases');
  const [days, setDays] = useState('5');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const errors = fieldErrors(error);
  const save = async () => {
    try {
      await extend(c.id, Number(days), reason.trim());
      onDone();
      onClose();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Dialog title={t('actions.extendTitle')} onClose={onClose}>
      <form
        className="cs-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <p className="muted">{t('actions.extendHint')}</p>
        <label>
          {t('actions.days')}
          <input
            name="days"
            type="number"
            min={1}
            max={10}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
          {errors.days && <span className="error cs-field-error">{errors.days}</span>}
        </label>
        <label>
          {t('actions.reason')}
          <textarea name="reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          {errors.reason && <span className="error cs-field-error">{errors.reason}</span>}
        </label>
        {error !== undefined && (
          <p className="error" role="alert">
            {errorText(error, t('error'))}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button type="submit">{t('actions.confirm')}</button>
        </div>
      </form>
    </Dialog>
  );
}
