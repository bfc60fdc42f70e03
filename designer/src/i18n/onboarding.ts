/** The words of the onboarding screen. */
export const onboarding = {
  id: {
    title: 'Pembukaan rekening',
  },
  en: {
    title: 'Onboarding',
  },
} as const;
