/** The words of the cases screen. */
export const cases = {
  id: {
    title: 'Pengaduan',
  },
  en: {
    title: 'Cases',
  },
} as const;
