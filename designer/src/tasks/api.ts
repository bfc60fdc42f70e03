import { get, post } from '../api.ts';
import type { Task, TaskForm, TaskPage, View } from './types.ts';

const at = (key: string) => `/api/tasks/${encodeURIComponent(key)}`;

/** One page of a list: `all` is `GET /api/tasks` (supervisors), the others `/api/tasks/<view>`. */
export const listTasks = (view: View, query: string) =>
  get<TaskPage>(`/api/tasks${view === 'all' ? '' : `/${view}`}${query ? `?${query}` : ''}`);

export const getTask = (key: string) => get<Task>(at(key));
export const getTaskForm = (key: string) => get<TaskForm>(`${at(key)}/form`);
export const claimTask = (key: string) => post<Task>(`${at(key)}/claim`);
export const unclaimTask = (key: string) => post<Task>(`${at(key)}/unclaim`);
export const assignTask = (key: string, assignee: string | null) =>
  post<Task>(`${at(key)}/assign`, { assignee });
export const completeTask = (key: string, variables: Record<string, unknown>) =>
  post<Task>(`${at(key)}/complete`, { variables });
