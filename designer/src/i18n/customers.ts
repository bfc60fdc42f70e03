/** The words of the customers screen. */
export const customers = {
  id: {
    title: 'Nasabah',
  },
  en: {
    title: 'Customers',
  },
} as const;
