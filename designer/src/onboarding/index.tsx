import { useTranslation } from 'react-i18next';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { ApplicationPage } from './ApplicationPage.tsx';
import { ApplicationsPage } from './ApplicationsPage.tsx';
import { NewApplicationPage } from './NewApplicationPage.tsx';
import { WATCHLIST_ROLES, WRITE_ROLES } from './roles.ts';
import { WatchlistPage } from './WatchlistPage.tsx';
import './onboarding.css';

/**
 * The onboarding screen (`#/onboarding/...`):
 *   onboarding             → applications, filtered by status
 *   onboarding/new         → submit a new application
 *   onboarding/watchlist   → the AML watch list (compliance)
 *   onboarding/<id>        → one application
 */
export function OnboardingScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation('onboarding');
  const { has } = useSession();
  const [view] = rest;
  const tab = view === 'new' || view === 'watchlist' ? view : 'applications';
  const tabs: [string, string, boolean][] = [
    ['applications', href('onboarding'), true],
    ['new', href('onboarding', 'new'), has(...WRITE_ROLES)],
    ['watchlist', href('onboarding', 'watchlist'), has(...WATCHLIST_ROLES)],
  ];
  return (
    <div className="onb">
      <nav className="section-tabs onb-tabs" aria-label={t('title')}>
        {tabs
          .filter(([, , shown]) => shown)
          .map(([name, link]) => (
            <a key={name} href={link} aria-current={tab === name ? 'page' : undefined}>
              {t(`tabs.${name}`)}
            </a>
          ))}
      </nav>
      {view === 'new' ? (
        <NewApplicationPage />
      ) : view === 'watchlist' ? (
        <WatchlistPage />
      ) : view ? (
        <ApplicationPage key={view} id={view} />
      ) : (
        <ApplicationsPage />
      )}
    </div>
  );
}
