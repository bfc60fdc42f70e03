import { useTranslation } from 'react-i18next';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { CaseListPage } from './CaseListPage.tsx';
import { CasePage } from './CasePage.tsx';
import { EscalationsPage } from './EscalationsPage.tsx';
import { LogCasePage } from './LogCasePage.tsx';
import './cases.css';

/** Roles that log complaints and update cases (cases.write); supervisors alone manage (cases.manage). */
export const WRITE_ROLES = ['agent', 'supervisor', 'backoffice', 'relationship-manager'];
export const MANAGE_ROLES = ['supervisor'];

/**
 * The cases console (`#/cases/...`):
 *   cases | cases/mine | cases/queue/<code>  → queues and the case list
 *   cases/new                                → log a complaint
 *   cases/escalations                        → escalated cases (supervisors)
 *   cases/<id>                               → one case
 */
export function CasesScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation('cases');
  const { has } = useSession();
  const [first, second] = rest;
  const canWrite = has(...WRITE_ROLES);
  const canManage = has(...MANAGE_ROLES);
  const tab = first === 'new' ? 'new' : first === 'escalations' ? 'escalations' : 'list';
  const isList = first === undefined || first === 'mine' || first === 'queue';
  return (
    <div className="cases">
      <nav className="section-tabs cs-tabs" aria-label={t('title')}>
        <a href={href('cases')} aria-current={tab === 'list' ? 'page' : undefined}>
          {t('tabs.list')}
        </a>
        {canManage && (
          <a href={href('cases', 'escalations')} aria-current={tab === 'escalations' ? 'page' : undefined}>
            {t('tabs.escalations')}
          </a>
        )}
        {canWrite && (
          <a href={href('cases', 'new')} aria-current={tab === 'new' ? 'page' : undefined} data-action="log">
            {t('tabs.log')}
          </a>
        )}
      </nav>
      {first === 'new' || first === 'escalations' ? (
        (first === 'new' ? canWrite : canManage) ? (
          first === 'new' ? (
            <LogCasePage />
          ) : (
            <EscalationsPage />
          )
        ) : (
          <p className="page muted" role="alert">
            {t('noAccess')}
          </p>
        )
      ) : isList || !first ? (
        <CaseListPage
          key={rest.join('/')}
          view={
            first === 'mine'
              ? { kind: 'mine' }
              : first === 'queue' && second
                ? { kind: 'queue', code: second }
                : { kind: 'all' }
          }
        />
      ) : (
        <CasePage key={first} id={first} canWrite={canWrite} canManage={canManage} />
      )}
    </div>
  );
}
