import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n/index.ts';
import { href, useRoute } from '../router.ts';
import type { Screen } from '../screens.tsx';
import { useSession } from '../session.tsx';

/** The frame around every screen: the bank's bar, the navigation, the language, the user. */
export function Shell({ screens, children }: { screens: Screen[]; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { me, logOut } = useSession();
  const [current] = useRoute();
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href={href()}>
          {t('appName')}
        </a>
        <nav aria-label={t('nav.home')}>
          {screens.map((screen) => (
            <a
              key={screen.path}
              href={href(screen.path)}
              aria-current={current === screen.path ? 'page' : undefined}
            >
              {t(screen.label)}
            </a>
          ))}
        </nav>
        <div className="topbar-end">
          <label className="language">
            <span>{t('language')}</span>
            <select
              value={i18n.language}
              onChange={(event) => void setLanguage(event.target.value as (typeof LANGUAGES)[number])}
            >
              {LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {language === 'id' ? 'Bahasa Indonesia' : 'English'}
                </option>
              ))}
            </select>
          </label>
          <span className="user" title={me?.roles.map((r) => t(`roles.${r}`)).join(', ')}>
            {me?.displayName}
          </span>
          <button type="button" className="secondary" onClick={() => void logOut()}>
            {t('logout')}
          </button>
        </div>
      </header>
      <main>{children}</main>
    </div>
  );
}
