import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { createHoliday, updateHoliday } from './api.ts';
import { type FormProblem, formProblem, NO_PROBLEM } from './form-errors.ts';
import { Field, Problems } from './parts.tsx';
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
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(NO_PROBLEM);
    try {
      const fields = { name, nameEn, kind };
      onSaved(holiday ? await updateHoliday(holiday.date, fields) : await createHoliday({ date, ...fields }));
    } catch (error) {
      setProblem(formProblem(error, FIELDS, t('error'), t));
    } finally {
      setBusy(false);
    }
  };

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
