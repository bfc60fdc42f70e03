import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { fieldErrors } from '../customers/field-errors.ts';
import { errorText } from '../format.ts';
import { addWatchlistEntry } from './api.ts';
import { WATCHLIST_CATEGORIES, type WatchlistEntry } from './types.ts';

type Fields = 'fullName' | 'aliases' | 'birthDate' | 'category' | 'listSource' | 'reference' | 'notes';

/** Adds a person to the watch list; the server names any bad field. */
export function WatchlistEntryDialog({
  onClose,
  onAdded,
}: {
  onClose(): void;
  onAdded(entry: WatchlistEntry): void;
}) {
  const { t } = useTranslation('onboarding');
  const [values, setValues] = useState<Record<Fields, string>>({
    fullName: '',
    aliases: '',
    birthDate: '',
    category: 'SANCTION',
    listSource: '',
    reference: '',
    notes: '',
  });
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<Fields[]>([]);
  const errors: Partial<Record<string, string>> = {
    ...fieldErrors(failure),
    ...Object.fromEntries(missing.map((name) => [name, t('form.required')])),
  };
  const set = (name: Fields, value: string) => setValues((current) => ({ ...current, [name]: value }));
  const optional = (value: string) => (value.trim() ? value.trim() : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = (['fullName', 'listSource'] as const).filter((name) => !values[name].trim());
    setMissing(empty);
    setFailure(undefined);
    if (empty.length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const entry = await addWatchlistEntry({
        fullName: values.fullName.trim(),
        aliases: values.aliases
          .split(',')
          .map((alias) => alias.trim())
          .filter(Boolean),
        birthDate: optional(values.birthDate),
        category: values.category,
        listSource: values.listSource.trim(),
        reference: optional(values.reference),
        notes: optional(values.notes),
      });
      onAdded(entry);
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const field = (name: Fields, label: string, input: ReactNode, hint?: string) => (
    <label data-field={name} htmlFor={`onb-w-${name}`}>
      {label}
      {input}
      {errors[name] ? (
        <span className="error onb-small">{errors[name]}</span>
      ) : (
        hint && <span className="muted onb-small">{hint}</span>
      )}
    </label>
  );
  const input = (name: Fields, extra = {}) => (
    <input
      id={`onb-w-${name}`}
      name={name}
      value={values[name]}
      aria-invalid={!!errors[name]}
      onChange={(e) => set(name, e.target.value)}
      {...extra}
    />
  );

  return (
    <Dialog title={t('watchlist.addTitle')} onClose={onClose}>
      <form className="onb-dialog-form" onSubmit={submit} noValidate>
        {field('fullName', t('watchlist.name'), input('fullName', { required: true }))}
        {field('aliases', t('watchlist.aliases'), input('aliases'), t('watchlist.aliasesHint'))}
        {field('birthDate', t('watchlist.birthDate'), input('birthDate', { type: 'date' }))}
        {field(
          'category',
          t('watchlist.category'),
          <select
            id="onb-w-category"
            name="category"
            value={values.category}
            onChange={(e) => set('category', e.target.value)}
          >
            {WATCHLIST_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>,
        )}
        {field('listSource', t('watchlist.listSource'), input('listSource', { required: true }))}
        {field('reference', t('watchlist.reference'), input('reference'))}
        {field(
          'notes',
          t('watchlist.notes'),
          <textarea
            id="onb-w-notes"
            name="notes"
            rows={2}
            value={values.notes}
            onChange={(e) => set('notes', e.target.value)}
          />,
        )}
        {(failure !== undefined || missing.length > 0) && (
          <p className="error" role="alert">
            {failure === undefined ? t('form.invalid') : errorText(failure, t('error'))}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" disabled={busy}>
            {t('watchlist.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
