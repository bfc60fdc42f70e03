/** The task list's shapes, as modules/tasks/schema.ts serves them. */
export type TaskState = 'CREATED' | 'COMPLETING' | 'COMPLETED' | 'CANCELED';

export interface Task {
  key: string;
  state: TaskState;
  name: string;
  elementId: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  processName: string | null;
  processVersion: number;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: string | null;
  followUpDate: string | null;
  priority: number;
  formKey: string | null;
  formId: string | null;
  variables: Record<string, unknown>;
  createdAt: string;
  claimedAt: string | null;
  completedAt: string | null;
  completedBy: string | null;
  canceledAt: string | null;
}

export interface TaskPage {
  items: Task[];
  page: { total: number; limit: number; offset: number };
}

export interface TaskForm {
  formKey: string;
  formId: string;
  version: number | null;
  schema: Record<string, unknown>;
}

/** The lists of the screen; `all` is the supervisors' (tasks.assign). */
export const VIEWS = ['mine', 'groups', 'unassigned', 'all'] as const;
export type View = (typeof VIEWS)[number];
