import { useTranslation } from 'react-i18next';
import { href } from '../router.ts';
import { BranchesPage } from './BranchesPage.tsx';
import { HolidaysPage } from './HolidaysPage.tsx';
import { QueuesPage } from './QueuesPage.tsx';
import { SlaPage } from './SlaPage.tsx';
import { TemplatePage } from './TemplatePage.tsx';
import { TemplatesPage } from './TemplatesPage.tsx';
import { UsersPage } from './UsersPage.tsx';
import './admin.css';

const TABS = ['users', 'branches', 'queues', 'sla', 'holidays', 'templates'] as const;
type Tab = (typeof TABS)[number];

/**
 * The administration screen (`#/admin/...`), admin only (the server checks every call too):
 *   admin[/users]                          → users and roles
 *   admin/branches                         → branches and RM portfolios
 *   admin/queues, admin/sla                → complaint queues, SLA policies
 *   admin/holidays[/<year>]                → holidays of a year, working-day calculator
 *   admin/templates[/<key>/<channel>]      → notification templates, one template
 */
export function AdminScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation('admin');
  const [view, a, b] = rest;
  const tab: Tab = TABS.find((name) => name === view) ?? 'users';
  return (
    <div className="admin" data-tab={tab}>
      <nav className="section-tabs ad-tabs" aria-label={t('title')}>
        {TABS.map((name) => (
          <a key={name} href={href('admin', name)} aria-current={tab === name ? 'page' : undefined}>
            {t(`tabs.${name}`)}
          </a>
        ))}
      </nav>
      {tab === 'branches' ? (
        <BranchesPage />
      ) : tab === 'queues' ? (
        <QueuesPage />
      ) : tab === 'sla' ? (
        <SlaPage />
      ) : tab === 'holidays' ? (
        <HolidaysPage key={a ?? ''} year={a} />
      ) : tab === 'templates' && a && (b === 'email' || b === 'sms' || b === 'whatsapp') ? (
        <TemplatePage key={`${a}/${b}`} templateKey={a} channel={b} />
      ) : tab === 'templates' ? (
        <TemplatesPage />
      ) : (
        <UsersPage />
      )}
    </div>
  );
}
