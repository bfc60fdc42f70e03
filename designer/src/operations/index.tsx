import { useTranslation } from 'react-i18next';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { HeatmapPage } from './HeatmapPage.tsx';
import { InstancePage } from './InstancePage.tsx';
import { InstancesPage } from './InstancesPage.tsx';
import { ProcessesPage } from './ProcessesPage.tsx';
import './operations.css';

/** Who may change running processes (processes.operate); the others only read. */
export const OPERATE_ROLES = ['process-owner', 'supervisor', 'admin'];

/**
 * The operations screen (`#/operations/...`): processes and their versions, instances with
 * filters, one instance on its diagram, and a heatmap per process version.
 *   operations                                → processes
 *   operations/instances[/<processId>[/<v>]]  → instances, optionally of one process (version)
 *   operations/instance/<key>                 → one instance
 *   operations/heatmap/<definitionKey>        → heatmap of one version
 */
export function Operations({ rest }: { rest: string[] }) {
  const { t } = useTranslation('operations');
  const { has } = useSession();
  const canOperate = has(...OPERATE_ROLES);
  const [view, a, b] = rest;
  const tab =
    view === 'instances' || view === 'instance' ? 'instances' : view === 'heatmap' ? 'heatmap' : 'processes';
  return (
    <div className="operations">
      <nav className="section-tabs op-tabs" aria-label={t('title')}>
        <a href={href('operations')} aria-current={tab === 'processes' ? 'page' : undefined}>
          {t('tabs.processes')}
        </a>
        <a href={href('operations', 'instances')} aria-current={tab === 'instances' ? 'page' : undefined}>
          {t('tabs.instances')}
        </a>
        {tab === 'heatmap' && <span aria-current="page">{t('tabs.heatmap')}</span>}
      </nav>
      {view === 'instance' && a ? (
        <InstancePage key={a} instanceKey={a} canOperate={canOperate} />
      ) : view === 'heatmap' && a ? (
        <HeatmapPage key={a} definitionKey={a} />
      ) : view === 'instances' ? (
        <InstancesPage key={`${a ?? ''}/${b ?? ''}`} processId={a} version={b} canOperate={canOperate} />
      ) : (
        <ProcessesPage canOperate={canOperate} />
      )}
    </div>
  );
}
