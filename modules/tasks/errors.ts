import { ModuleError } from '../server/errors.ts';

const statuses = {
  /** Unknown, or not visible to the caller (not assigned, not a candidate): the answer is the same. */
  TASK_NOT_FOUND: 404,
  /** The process cancelled the task (an interrupting event, a cancelled instance). */
  TASK_CANCELED: 409,
  /** The task is completed (or its completion is under way). */
  TASK_COMPLETED: 409,
  /** Someone else holds the task. */
  TASK_ALREADY_CLAIMED: 409,
  /** Only the assignee completes or unclaims a task: claim it first. */
  TASK_NOT_ASSIGNED_TO_YOU: 409,
  /** Not a candidate of this task (its candidate groups and users do not include you). */
  NOT_A_CANDIDATE: 403,
  /** Four eyes: the task decides on what this user submitted (its `fourEyesWith` header). */
  FOUR_EYES: 403,
  /** The user a supervisor assigns the task to does not exist, is disabled or does no task work. */
  INVALID_ASSIGNEE: 400,
  /** The task's linked form is not deployed, or cannot be read: its input cannot be checked. */
  FORM_NOT_FOUND: 409,
  /** The task has no form. */
  NO_FORM: 404,
  /** A filter on a personal field would reveal a masked value one guess at a time. */
  PERSONAL_DATA_QUERY: 403,
  /** The variables do not fit the task's form (one error per field). */
  INVALID_VARIABLES: 400,
  /** The task path or query is malformed (one error per field). */
  INVALID_REQUEST: 400,
  /** The engine did not answer: try again. */
  ENGINE_UNAVAILABLE: 503,
} as const;

export type TasksErrorCode = keyof typeof statuses;

export class TasksError extends ModuleError<TasksErrorCode> {
  readonly statuses = statuses;
}

export const taskNotFound = (key: string) =>
  new TasksError('TASK_NOT_FOUND', `No task ${key} in your task list`);
