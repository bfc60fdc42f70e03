import type { ReactNode } from 'react';
import { AdminScreen } from './admin/index.tsx';
import { AuditScreen } from './audit/index.tsx';
import { BuilderScreen } from './builder/BuilderScreen.tsx';
import { CampaignsScreen } from './campaigns/index.tsx';
import { CasesScreen } from './cases/index.tsx';
import { CustomersScreen } from './customers/index.tsx';
import { DashboardsScreen } from './dashboards/index.tsx';
import { ModelerScreen } from './modeler/ModelerScreen.tsx';
import { OnboardingScreen } from './onboarding/index.tsx';
import { Operations } from './operations/index.tsx';
import { TasksScreen } from './tasks/index.tsx';

/**
 * A screen of the designer: its hash path (`#/<path>/...`), the roles that see it in the
 * navigation, its label (an i18n key of the `common` namespace), and how it renders the rest
 * of the path.
 */
export interface Screen {
  path: string;
  roles: string[];
  label: string;
  render(rest: string[]): ReactNode;
}

/** Every screen, in navigation order: each area adds its entry here. */
export const SCREENS: Screen[] = [
  {
    path: 'tasks',
    roles: ['agent', 'supervisor', 'backoffice', 'relationship-manager', 'compliance', 'marketing'],
    label: 'nav.tasks',
    render: (rest) => <TasksScreen rest={rest} />,
  },
  {
    path: 'cases',
    roles: ['agent', 'supervisor', 'backoffice', 'relationship-manager', 'compliance'],
    label: 'nav.cases',
    render: (rest) => <CasesScreen rest={rest} />,
  },
  {
    path: 'customers',
    roles: ['agent', 'supervisor', 'backoffice', 'relationship-manager', 'compliance'],
    label: 'nav.customers',
    render: (rest) => <CustomersScreen rest={rest} />,
  },
  {
    path: 'onboarding',
    roles: ['agent', 'supervisor', 'relationship-manager', 'compliance', 'backoffice'],
    label: 'nav.onboarding',
    render: (rest) => <OnboardingScreen rest={rest} />,
  },
  {
    path: 'campaigns',
    roles: ['marketing', 'compliance', 'supervisor', 'admin'],
    label: 'nav.campaigns',
    render: (rest) => <CampaignsScreen rest={rest} />,
  },
  {
    path: 'dashboards',
    roles: ['supervisor', 'compliance', 'marketing', 'admin'],
    label: 'nav.dashboards',
    render: (rest) => <DashboardsScreen rest={rest} />,
  },
  {
    path: 'processes',
    roles: ['process-owner', 'admin', 'supervisor', 'compliance'],
    label: 'nav.processes',
    render: (rest) => <ModelerScreen rest={rest} />,
  },
  {
    path: 'builder',
    roles: ['process-owner', 'admin'],
    label: 'nav.builder',
    render: (rest) => <BuilderScreen rest={rest} />,
  },
  {
    path: 'operations',
    roles: ['process-owner', 'supervisor', 'admin', 'compliance'],
    label: 'nav.operations',
    render: (rest) => <Operations rest={rest} />,
  },
  {
    path: 'audit',
    roles: ['compliance', 'admin'],
    label: 'nav.audit',
    render: (rest) => <AuditScreen rest={rest} />,
  },
  {
    path: 'admin',
    roles: ['admin'],
    label: 'nav.admin',
    render: (rest) => <AdminScreen rest={rest} />,
  },
];
