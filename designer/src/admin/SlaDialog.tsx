import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { createPolicy, updatePolicy } from './api.ts';
import { type FormProblem, formProblem, NO_PROBLEM } from './form-errors.ts';
import { Field, Problems } from './parts.tsx';
import { SLA_UNITS, type SlaPolicy } from './types.ts';

const FIELDS = ['code', 'name', 'amount', 'unit'];

/** Creates or changes an SLA policy: an amount of hours, working hours or working days. */
export function SlaDialog({
  policy,
  onClose,
  onSaved,
}: {
  policy: SlaPolicy | null;
  onClose(): void;
  onSaved(policy: SlaPolicy): void;
}) {
  const { t } = useTranslation('admin');
  const [code, setCode] = useState(policy?.code ?? '');
  const [name, setName] = useState(policy?.name ?? '');
  const [amount, setAmount] = useState(policy ? String(policy.amount) : '');
  const [unit, setUnit] = useState<SlaPolicy['unit']>(policy?.unit ?? 'working-days');
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(NO_PROBLEM);
    try {
      // An empty amount goes as NaN → null in JSON, so the server names the field.
      const body = { code, name, amount: amount.trim() === '' ? Number.NaN : Number(amount), unit };
      onSaved(policy ? await updatePolicy(body) : await createPolicy(body));
    } catch (error) {
      setProblem(formProblem(error, FIELDS, t('error'), t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={policy ? t('sla.editTitle', { code: policy.code }) : t('sla.createTitle')}
      onClose={onClose}
    >
      <form className="ad-form" onSubmit={submit} data-form="sla" noValidate>
        {!policy && (
          <Field label={t('sla.code')} name="code" problem={problem} hint={t('queues.codeHint')}>
            <input name="code" value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} />
          </Field>
        )}
        <Field label={t('sla.name')} name="name" problem={problem}>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <div className="ad-row">
          <Field label={t('sla.amount')} name="amount" problem={problem}>
            <input
              name="amount"
              type="number"
              min="0"
              step="any"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </Field>
          <Field label={t('sla.unit')} name="unit" problem={problem}>
            <select name="unit" value={unit} onChange={(e) => setUnit(e.target.value as SlaPolicy['unit'])}>
              {SLA_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`sla.units.${u}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Problems problem={problem} />
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" disabled={busy}>
            {t('save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
