import { href } from '../router.ts';

/** The link to one task on the task list screen (`#/tasks/<key>`), for every area that shows tasks. */
export const taskHref = (key: string): string => href('tasks', key);
