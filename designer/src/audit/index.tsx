import { useTranslation } from 'react-i18next';

/** The audit trail screen (`#/audit/...`). */
export function AuditScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation('audit');
  return (
    <section className="page" data-rest={rest.join('/')}>
      <h1>{t('title')}</h1>
    </section>
  );
}
