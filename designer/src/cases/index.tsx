import { useTranslation } from 'react-i18next';

/** The cases screen (`#/cases/...`). */
export function CasesScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation('cases');
  return (
    <section className="page" data-rest={rest.join('/')}>
      <h1>{t('title')}</h1>
    </section>
  );
}
