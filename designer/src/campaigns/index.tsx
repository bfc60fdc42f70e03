import { useTranslation } from 'react-i18next';

/** The campaigns screen (`#/campaigns/...`). */
export function CampaignsScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation('campaigns');
  return (
    <section className="page" data-rest={rest.join('/')}>
      <h1>{t('title')}</h1>
    </section>
  );
}
