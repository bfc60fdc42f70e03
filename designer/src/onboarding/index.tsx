import { useTranslation } from 'react-i18next';

/** The onboarding screen (`#/onboarding/...`). */
export function OnboardingScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation('onboarding');
  return (
    <section className="page" data-rest={rest.join('/')}>
      <h1>{t('title')}</h1>
    </section>
  );
}
