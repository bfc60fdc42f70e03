import { ApiError } from '../api.ts';
import { codeProblem, localiseMessage, type Translate } from './server-messages.ts';

/** What a refused save shows: a message per field of the form, and whatever else went wrong. */
export interface FormProblem {
  /** By the form's field name (`body.password` → `password`, `query.days` → `days`). */
  fields: Record<string, string>;
  /** Field errors the form has no input for, and the server's detail when no field is named. */
  general: string[];
}

/**
 * Splits a server refusal (problem+json) into per-field messages for the inputs the form has,
 * in the person's language where the message is a usual one.
 */
export function formProblem(
  error: unknown,
  formFields: readonly string[],
  fallback: string,
  t: Translate = (key) => key,
): FormProblem {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  if (error instanceof ApiError) {
    for (const entry of error.errors) {
      const name = entry.field.replace(/^(body|query|path)\./, '');
      const message = localiseMessage(entry.message, t);
      const owner = formFields.find((field) => name === field || name.startsWith(`${field}.`));
      if (owner && !fields[owner]) fields[owner] = message;
      else if (!owner) general.push(`${name}: ${message}`);
    }
    const known = error.errors.length === 0 ? codeProblem(error, formFields, t) : undefined;
    if (known?.field) fields[known.field] = known.message;
    else if (known) general.push(known.message);
    else if (error.errors.length === 0)
      general.push(error.message ? `${error.message} (${error.code})` : error.code);
  } else general.push(error instanceof Error && error.message ? error.message : fallback);
  return { fields, general };
}

export const NO_PROBLEM: FormProblem = { fields: {}, general: [] };

/** A user's state as one word: disabled wins over a lockout, which wins over active. */
export function userState(user: {
  disabled: boolean;
  lockedUntil: string | null;
}): 'disabled' | 'locked' | 'active' {
  if (user.disabled) return 'disabled';
  return user.lockedUntil ? 'locked' : 'active';
}

/** A JSON object typed by a person, or why it is not one. */
export function parseObject(text: string): { value: Record<string, unknown> } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: (error as Error).message };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { problem: 'object' };
  return { value: value as Record<string, unknown> };
}
