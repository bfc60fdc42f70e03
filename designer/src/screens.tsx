import type { ReactNode } from 'react';

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
export const SCREENS: Screen[] = [];
