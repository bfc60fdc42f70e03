/** The words of the dashboards screen. */
export const dashboards = {
  id: {
    title: 'Dasbor',
  },
  en: {
    title: 'Dashboards',
  },
} as const;
