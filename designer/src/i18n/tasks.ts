/** The words of the task list screen. */
export const tasks = {
  id: {
    title: 'Daftar tugas',
  },
  en: {
    title: 'Task list',
  },
} as const;
