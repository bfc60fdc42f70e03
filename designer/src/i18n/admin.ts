/** The words of the administration screen. */
export const admin = {
  id: {
    title: 'Administrasi',
  },
  en: {
    title: 'Administration',
  },
} as const;
