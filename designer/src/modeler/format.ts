import type { TFunction } from 'i18next';
import { ApiError } from '../api.ts';

/** A timestamp in the reader's language: day, month, year, hours and minutes. */
export function formatTime(iso: string | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(language === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/**
 * The words for a failed call: our own translation of the codes a person can act on, else the
 * server's problem detail with the fields it names.
 */
export function errorText(error: unknown, t: TFunction<'modeler'>): string {
  if (error instanceof ApiError) {
    const known: Record<string, string> = {
      FOUR_EYES: t('errors.fourEyes'),
      UNCHANGED: t('errors.unchanged'),
      LINT_ERRORS: t('errors.lintErrors'),
    };
    const fields = error.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    const base = known[error.code] ?? (error.status === 409 ? t('errors.conflict') : error.message);
    const detail = known[error.code] && error.message ? ` (${error.message})` : '';
    return `${base}${detail}${fields ? ` — ${fields}` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}
