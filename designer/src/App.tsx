import { useTranslation } from 'react-i18next';
import { NoAccess } from './components/NoAccess.tsx';
import { Shell } from './components/Shell.tsx';
import { Home } from './pages/Home.tsx';
import { Login } from './pages/Login.tsx';
import { useRoute } from './router.ts';
import { SCREENS } from './screens.tsx';
import { useSession } from './session.tsx';

export function App() {
  const { me } = useSession();
  const { t } = useTranslation();
  const [first, ...rest] = useRoute();
  if (me === undefined) return <p className="loading">{t('loading')}</p>;
  if (me === null) return <Login />;
  const visible = SCREENS.filter((screen) => screen.roles.some((role) => me.roles.includes(role)));
  const screen = visible.find((s) => s.path === first);
  // A screen the person's roles do not open says so, rather than falling back to the home page.
  const forbidden = !screen && SCREENS.some((s) => s.path === first);
  return (
    <Shell screens={visible}>
      {screen ? (
        screen.render(rest)
      ) : forbidden && first ? (
        <NoAccess screen={first} />
      ) : (
        <Home screens={visible} />
      )}
    </Shell>
  );
}
