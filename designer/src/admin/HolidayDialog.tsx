import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { createHoliday, updateHoliday } from './api.ts';
import { FormEnd, useSave } from './form-save.tsx';
import { Field } from './parts.tsx';
import { HOLIDAY_KINDS, type Holiday, type HolidayKind } from './types.ts';

const FIELDS = ['date', 'name', 'nameEn', 'kind'];

/** Adds a holiday or cuti bersama day, or renames one / changes its kind (the date is its key). */
export function HolidayDialog({
  holiday,
  defaultDate,
  onClose,
  onSaved,
}: {
  holiday: Holiday | null;
  defaultDate: string;
  onClose(): void;
  onSaved(holiday: Holiday): void;
}) {
  const { t } = useTranslation('admin');
  const [date, setDate] = useState(holiday?.date ?? defaultDate);
  const [name, setName] = useState(holiday?.name ?? '');
  const [nameEn, setNameEn] = useState(holiday?.nameEn ?? '');
  const [kind, setKind] = useState<HolidayKind>(holiday?.kind ?? 'national');
  const { problem, busy, save } = useSave(FIELDS);

  const submit = save(async () => {
    const fields = { name, nameEn, kind };
    onSaved(holiday ? await updateHoliday(holiday.date, fields) : await createHoliday({ date, ...fields }));
  });

  return (
    <Dialog
      title={holiday ? t('holidays.editTitle', { date: holiday.date }) : t('holidays.createTitle')}
      onClose={onClose}
    >
      <form className="ad-form" onSubmit={submit} data-form="holiday" noValidate>
        {!holiday && (
          <Field label={t('holidays.date')} name="date" problem={problem}>
            <input name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </Field>
        )}
        <Field label={t('holidays.name')} name="name" problem={problem}>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('holidays.nameEn')} name="nameEn" problem={problem}>
          <input name="nameEn" value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
        </Field>
        <Field label={t('holidays.kind')} name="kind" problem={problem}>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as HolidayKind)}>
            {HOLIDAY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`holidays.kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <FormEnd problem={problem} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
