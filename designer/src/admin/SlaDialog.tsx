import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { createPolicy, updatePolicy } from './api.ts';
import { FormEnd, useSave } from './form-save.tsx';
import { Field } from './parts.tsx';
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
  const { problem, busy, save } = useSave(FIELDS);

  const submit = save(async () => {
    // An empty amount goes as NaN → null in JSON, so the server names the field.
    const body = { code, name, amount: amount.trim() === '' ? Number.NaN : Number(amount), unit };
    onSaved(policy ? await updatePolicy(body) : await createPolicy(body));
  });

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
        <FormEnd problem={problem} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
