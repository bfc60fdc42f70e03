import { useTranslation } from 'react-i18next';

/** The task list screen (`#/tasks/...`). */
export function TasksScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation('tasks');
  return (
    <section className="page" data-rest={rest.join('/')}>
      <h1>{t('title')}</h1>
    </section>
  );
}
