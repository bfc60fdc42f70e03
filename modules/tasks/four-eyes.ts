import { TasksError } from './errors.ts';

/**
 * Four eyes on a user task (maker-checker), declared by the model in custom task headers:
 * `fourEyesWith` names a process variable holding a username (`submittedBy`): that user may not
 * claim, be assigned or complete the task, and never sees it in a list. `completedByVariable`
 * names the variable the completing user's username is written to (`decidedBy`), so the worker
 * acting on the decision can check the rule again (DESIGN seam 8: enforced where it acts).
 */
export const FOUR_EYES_HEADER = 'fourEyesWith';
export const COMPLETED_BY_HEADER = 'completedByVariable';

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

/** The user the task is kept from, if its headers ask for four eyes and the variable holds a name. */
export function fourEyesUserOf(
  headers: Record<string, string>,
  variables: Record<string, unknown>,
): string | null {
  const name = headers[FOUR_EYES_HEADER]?.trim();
  if (!name || !VARIABLE_NAME.test(name)) return null;
  const value = variables[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 100) : null;
}

/** Refuses `username` acting on a task kept from them (403 FOUR_EYES). */
export function checkFourEyes(
  task: { key: string; name: string; fourEyesUser: string | null },
  username: string,
  action: 'claim' | 'be assigned' | 'complete',
): void {
  if (task.fourEyesUser === null || task.fourEyesUser !== username) return;
  throw new TasksError(
    'FOUR_EYES',
    `Four eyes: ${username} submitted what task ${task.key} (${task.name}) decides on, so ${username} may not ${action} it`,
  );
}

/** The completion variables with the completing user's name, where the model asks for it. */
export function withCompletedBy(
  headers: Record<string, string>,
  variables: Record<string, unknown>,
  username: string,
): Record<string, unknown> {
  const name = headers[COMPLETED_BY_HEADER]?.trim();
  if (!name || !VARIABLE_NAME.test(name)) return variables;
  return { ...variables, [name]: username };
}
