import { useTranslation } from 'react-i18next';

/** The customers screen (`#/customers/...`). */
export function CustomersScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation('customers');
  return (
    <section className="page" data-rest={rest.join('/')}>
      <h1>{t('title')}</h1>
    </section>
  );
}
