import { useTranslation } from 'react-i18next';

/** The dashboards screen (`#/dashboards/...`). */
export function DashboardsScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation('dashboards');
  return (
    <section className="page" data-rest={rest.join('/')}>
      <h1>{t('title')}</h1>
    </section>
  );
}
