import { useTranslation } from 'react-i18next';
import type { Loaded } from '../use-load.ts';
import { LoadState } from './parts.tsx';
import type { Branch, UserPage } from './types.ts';

/**
 * Relationship managers per branch. The customers of each portfolio are not listed: the
 * customer API has no search by RM and the admin role has no customers.read (said on screen).
 */
export function PortfolioSection({ branches, users }: { branches: Branch[]; users: Loaded<UserPage> }) {
  const { t } = useTranslation('admin');
  const rms = users.data?.items.filter((u) => u.roles.includes('relationship-manager') && !u.disabled) ?? [];
  const groups = [
    ...branches.map((b) => ({ code: b.code, name: `${b.code} · ${b.name}` })),
    { code: null, name: t('portfolio.withoutBranch') },
  ]
    .map((group) => ({ ...group, members: rms.filter((u) => u.branchCode === group.code) }))
    .filter((group) => group.code !== null || group.members.length > 0);

  return (
    <section className="ad-section" aria-labelledby="ad-portfolio-title" data-section="portfolio">
      <h2 id="ad-portfolio-title">{t('portfolio.title')}</h2>
      <p className="muted">{t('portfolio.intro')}</p>
      <LoadState loading={users.loading && !users.data} error={users.error} empty={false} emptyText="">
        <ul className="ad-portfolio">
          {groups.map((group) => (
            <li key={group.code ?? '-'} data-portfolio-branch={group.code ?? ''}>
              <h3>{group.name}</h3>
              {group.members.length === 0 ? (
                <p className="muted">{t('portfolio.noRm')}</p>
              ) : (
                <ul aria-label={t('portfolio.rms')}>
                  {group.members.map((rm) => (
                    <li key={rm.username}>
                      {rm.displayName} <code className="muted">{rm.username}</code>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </LoadState>
      <p className="ad-missing" data-missing="portfolio-customers">
        {t('portfolio.missing')}
      </p>
    </section>
  );
}
