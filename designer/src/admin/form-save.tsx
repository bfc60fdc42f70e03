import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormProblem, formProblem, NO_PROBLEM } from './form-errors.ts';
import { Problems } from './parts.tsx';

/**
 * What every admin form does on submit: busy while saving, the last refusal split over the
 * form's fields. `save(work)` is the form's onSubmit; a refusal of `work` lands in `problem`.
 */
export function useSave(fields: readonly string[]) {
  const { t } = useTranslation('admin');
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const save = (work: () => Promise<void>) => async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(NO_PROBLEM);
    try {
      await work();
    } catch (error) {
      setProblem(formProblem(error, fields, t('error'), t));
    } finally {
      setBusy(false);
    }
  };
  return { problem, setProblem, busy, save };
}

/** The end of an admin form: what the server refused beyond its fields, then cancel and save. */
export function FormEnd({
  problem,
  busy,
  onCancel,
  submitLabel,
}: {
  problem: FormProblem;
  busy: boolean;
  onCancel(): void;
  submitLabel?: string;
}) {
  const { t } = useTranslation('admin');
  return (
    <>
      <Problems problem={problem} />
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" disabled={busy}>
          {submitLabel ?? t('save')}
        </button>
      </div>
    </>
  );
}
