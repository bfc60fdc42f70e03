/** The roles of DOMAIN.md and what each may do; routes declare the permission they need. */
export const ROLES = [
  'admin',
  'process-owner',
  'compliance',
  'marketing',
  'agent',
  'supervisor',
  'backoffice',
  'relationship-manager',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** The /v2 read API: process definitions, instances, incidents, variables. */
  'processes.read': ['admin', 'process-owner', 'supervisor', 'compliance'],
  /** Users, roles and branches. */
  'users.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function allows(roles: readonly string[], permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).some((role) => roles.includes(role));
}

export interface SeedUser {
  username: string;
  displayName: string;
  roles: Role[];
  branch?: string;
}

export const DEMO_BRANCHES = [
  { code: 'MDN-KC', name: 'Kantor Cabang Medan Kota', city: 'Medan' },
  { code: 'MDN-CC', name: 'Contact Centre Medan', city: 'Medan' },
  { code: 'PMS-KC', name: 'Kantor Cabang Pematangsiantar', city: 'Pematangsiantar' },
];

/** The demo users of DESIGN.md, seeded only in demo mode, all with DEMO_PASSWORD. */
export const DEMO_USERS: SeedUser[] = [
  { username: 'admin', displayName: 'Administrator', roles: ['admin'] },
  { username: 'owner', displayName: 'Rina Siregar', roles: ['process-owner'] },
  { username: 'owner2', displayName: 'Dedi Nasution', roles: ['process-owner'] },
  { username: 'compliance1', displayName: 'Maya Lubis', roles: ['compliance'] },
  { username: 'compliance2', displayName: 'Hendra Sitompul', roles: ['compliance'] },
  { username: 'marketing1', displayName: 'Sari Harahap', roles: ['marketing'] },
  // Marketing and compliance both: four eyes must stop this user approving their own campaign.
  { username: 'lead1', displayName: 'Yusuf Pane', roles: ['marketing', 'compliance'] },
  { username: 'agent1', displayName: 'Putri Simanjuntak', roles: ['agent'], branch: 'MDN-CC' },
  { username: 'agent2', displayName: 'Bayu Tarigan', roles: ['agent'], branch: 'MDN-CC' },
  { username: 'supervisor1', displayName: 'Lestari Ginting', roles: ['supervisor'], branch: 'MDN-CC' },
  { username: 'backoffice1', displayName: 'Andi Hutagalung', roles: ['backoffice'] },
  { username: 'rm1', displayName: 'Nina Sembiring', roles: ['relationship-manager'], branch: 'MDN-KC' },
];
