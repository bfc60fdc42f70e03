/** The words of the audit trail screen. */
export const audit = {
  id: {
    title: 'Jejak audit',
  },
  en: {
    title: 'Audit trail',
  },
} as const;
