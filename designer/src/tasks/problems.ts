import type { TFunction } from 'i18next';
import { ApiError } from '../api.ts';
import { errorText } from '../format.ts';
import { tasks } from '../i18n/tasks.ts';

type Code = keyof (typeof tasks)['id']['problems'];
const KNOWN = new Set<string>(Object.keys(tasks.id.problems));

/** The server's refusal in the person's words where the code is known, else its own detail. */
export function problemText(error: unknown, t: TFunction<'tasks'>, fallback: string): string {
  if (error instanceof ApiError && KNOWN.has(error.code)) return t(`problems.${error.code as Code}`);
  return errorText(error, fallback);
}

export const problemCode = (error: unknown): string | undefined =>
  error instanceof ApiError ? error.code : undefined;
