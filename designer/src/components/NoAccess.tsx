import { useTranslation } from 'react-i18next';
import { href } from '../router.ts';

/** A screen that exists but none of the person's roles may open (the server refuses its API too). */
export function NoAccess({ screen }: { screen: string }) {
  const { t } = useTranslation();
  return (
    <section className="page" role="alert" data-no-access={screen}>
      <h1>{t('noAccess.title')}</h1>
      <p>{t('noAccess.body', { screen: t(`nav.${screen}`) })}</p>
      <a href={href()}>{t('noAccess.home')}</a>
    </section>
  );
}
