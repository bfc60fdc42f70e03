import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { errorText } from '../format.ts';
import { unmask } from './api.ts';
import { fieldErrors } from './field-errors.ts';
import { isMasked } from './ProfileCard.tsx';
import type { Customer, Product, UnmaskField } from './types.ts';

const MIN_REASON = 10;

/**
 * Asks which masked field and why, then shows the value the server reveals — only here, never
 * written back into the page; the server records the reason in the audit trail.
 */
export function UnmaskDialog({
  customerId,
  initial,
  customer,
  products,
  onClose,
}: {
  customerId: string;
  initial: { field: UnmaskField; productId?: string };
  customer: Customer;
  products: Product[];
  onClose(): void;
}) {
  const { t } = useTranslation('customers');
  const [field, setField] = useState<UnmaskField>(initial.field);
  const [productId, setProductId] = useState(initial.productId ?? '');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [revealed, setRevealed] = useState<{ field: string; value: string } | null>(null);
  const maskedProducts = products.filter((p) => isMasked(p.accountNumber));
  const fields = (['nik', 'phone', 'email'] as const).filter((f) => isMasked(customer[f]));
  const choices: UnmaskField[] = [...fields, ...(maskedProducts.length ? ['accountNumber' as const] : [])];
  const errors = fieldErrors(failure);
  const reasonProblem =
    errors.reason ??
    (reason.length > 0 && reason.trim().length < MIN_REASON ? t('unmask.reasonTooShort') : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON) return setFailure(undefined);
    setBusy(true);
    setFailure(undefined);
    try {
      setRevealed(
        await unmask(customerId, {
          field,
          reason: reason.trim(),
          ...(field === 'accountNumber' ? { productId } : {}),
        }),
      );
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('unmask.title')} onClose={onClose}>
      {revealed ? (
        <div className="cu-revealed">
          <p>{t('unmask.revealed', { field: t(`field.${revealed.field}`) })}</p>
          <output className="cu-revealed-value" data-revealed={revealed.field}>
            {revealed.value}
          </output>
          <p className="muted">{t('unmask.audited')}</p>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t('close')}
            </button>
          </div>
        </div>
      ) : (
        <form className="cu-form" onSubmit={submit}>
          <label>
            {t('unmask.field')}
            <select name="field" value={field} onChange={(e) => setField(e.target.value as UnmaskField)}>
              {choices.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`field.${choice}`)}
                </option>
              ))}
            </select>
          </label>
          {field === 'accountNumber' && (
            <label>
              {t('unmask.product')}
              <select
                name="productId"
                value={productId}
                required
                onChange={(e) => setProductId(e.target.value)}
              >
                <option value="" disabled>
                  —
                </option>
                {maskedProducts.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.productName} · {p.accountNumber}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t('unmask.reason')}
            <textarea
              name="reason"
              rows={3}
              value={reason}
              maxLength={500}
              required
              aria-invalid={!!reasonProblem}
              aria-describedby="cu-reason-hint"
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <p id="cu-reason-hint" className={reasonProblem ? 'error' : 'muted'}>
            {reasonProblem ?? t('unmask.reasonHint')}
          </p>
          {failure !== undefined && !errors.reason && (
            <p className="error" role="alert">
              {errorText(failure, t('error'))}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="secondary" onClick={onClose}>
              {t('cancel')}
            </button>
            <button type="submit" disabled={busy || reason.trim().length < MIN_REASON}>
              {t('unmask.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
