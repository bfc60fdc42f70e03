import { useTranslation } from 'react-i18next';

/** The administration screen (`#/admin/...`). */
export function AdminScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation('admin');
  return (
    <section className="page" data-rest={rest.join('/')}>
      <h1>{t('title')}</h1>
    </section>
  );
}
