import type { View } from './types.ts';

/**
 * What the list remembers across opening a task and coming back: the view to return to, and
 * the task just completed (announced once by the list).
 */
let lastView: View = 'mine';
let completed: string | null = null;

export const rememberView = (view: View) => {
  lastView = view;
};
export const rememberedView = () => lastView;

export const announceCompleted = (name: string) => {
  completed = name;
};
/** The completed task's name, once: later calls answer null. */
export function takeCompleted(): string | null {
  const name = completed;
  completed = null;
  return name;
}
