import type { ReactNode } from 'react';
import { BuilderScreen } from './builder/BuilderScreen.tsx';
import { ModelerScreen } from './modeler/ModelerScreen.tsx';
import { Operations } from './operations/index.tsx';

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
];
