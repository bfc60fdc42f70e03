import { useTranslation } from 'react-i18next';
import { href } from '../router.ts';
import type { Screen } from '../screens.tsx';
import { useSession } from '../session.tsx';

export function Home({ screens }: { screens: Screen[] }) {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <section className="page home">
      <h1>{t('home.welcome', { name: me?.displayName })}</h1>
      <p>{t('home.roles', { roles: me?.roles.map((r) => t(`roles.${r}`)).join(', ') })}</p>
      {screens.length === 0 ? (
        <p className="muted">{t('home.nothing')}</p>
      ) : (
        <ul className="tiles">
          {screens.map((screen) => (
            <li key={screen.path}>
              <a href={href(screen.path)}>{t(screen.label)}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
