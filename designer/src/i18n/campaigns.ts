/** The words of the campaigns screen. */
export const campaigns = {
  id: {
    title: 'Kampanye',
  },
  en: {
    title: 'Campaigns',
  },
} as const;
