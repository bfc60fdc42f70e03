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
  /** Model in the designer: save versions of BPMN, DMN and forms, ask for a deploy. */
  'processes.design': ['process-owner'],
  /** Approve or reject a deploy request (the second pair of eyes; never its requester). */
  'processes.approve': ['process-owner', 'admin'],
  /** Operate running processes: start an instance, retry an incident, cancel an instance. */
  'processes.operate': ['process-owner', 'supervisor', 'admin'],
  /** Users, roles, branches and portfolios. */
  'users.manage': ['admin'],
  /** Customer 360 and search, within the caller's scope (portfolio, branch). */
  'customers.read': ['agent', 'supervisor', 'backoffice', 'relationship-manager', 'compliance'],
  /** Create and change customers, record interactions and consents. */
  'customers.write': ['agent', 'supervisor', 'relationship-manager'],
  /** Move customers between branches and relationship managers (portfolios). */
  'customers.assign': ['admin', 'supervisor'],
  /** Reveal one masked personal field, with a stated reason (audited). */
  'customers.unmask': ['supervisor', 'compliance'],
  /** Data-subject requests (UU PDP): export what is held, erase a customer. */
  'customers.privacy': ['compliance'],
  /** Read and verify the audit trail. */
  'audit.read': ['compliance', 'admin'],
  /** Holidays and working hours of the business calendar. */
  'calendar.manage': ['admin'],
  /** The task list: my tasks, my groups' and unassigned ones; claim, give back, complete. */
  'tasks.work': ['agent', 'supervisor', 'backoffice', 'relationship-manager', 'compliance', 'marketing'],
  /** See every open task and assign tasks to someone else. */
  'tasks.assign': ['supervisor'],
  /** Notification templates: create, change (every save a new version), archive, preview. */
  'notifications.templates': ['admin', 'marketing'],
  /** Messages sent to customers, their delivery, opens and clicks; dead letters; template history. */
  'notifications.read': ['admin', 'supervisor', 'compliance', 'marketing'],
  /** Send a service message to a customer in your scope (marketing goes through campaigns). */
  'notifications.send': ['agent', 'supervisor'],
  /** Send a dead letter again. */
  'notifications.retry': ['admin', 'supervisor'],
  /** Cases (complaints) in the caller's scope: queues, a case, its timeline and deadlines. */
  'cases.read': ['agent', 'supervisor', 'backoffice', 'relationship-manager', 'compliance'],
  /** Log a complaint, comment, change its status, resolve it with a root cause. */
  'cases.write': ['agent', 'supervisor', 'backoffice', 'relationship-manager'],
  /** Reassign cases, extend a written complaint's deadline (with notice to the customer). */
  'cases.manage': ['supervisor'],
  /** Categories, queues and their members, SLA policies. */
  'cases.configure': ['admin'],
  /** Segments and campaigns, their audience counts, progress and funnel. */
  'campaigns.read': ['marketing', 'compliance', 'supervisor', 'admin'],
  /** Build segments and campaigns, submit them for approval, pause and cancel them (the maker). */
  'campaigns.write': ['marketing'],
  /** Approve or reject a submitted campaign (the checker; never its own maker). */
  'campaigns.approve': ['compliance'],
  /** Onboarding applications, their KYC checks and screening results. */
  'onboarding.read': ['agent', 'supervisor', 'relationship-manager', 'compliance', 'backoffice'],
  /** Submit an application and its documents. */
  'onboarding.write': ['agent', 'relationship-manager', 'supervisor'],
  /** The AML watch list. */
  'onboarding.watchlist': ['compliance'],
  /** The dashboards' reports: campaigns and consents, and the branch filter. */
  'reports.read': ['supervisor', 'compliance', 'marketing', 'admin'],
  /**
   * The complaint reports: volumes, SLA, root causes, satisfaction and each agent's backlog and
   * handling time — staff performance, which is not marketing's to read.
   */
  'reports.cases': ['supervisor', 'compliance', 'admin'],
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

/**
 * What kind of office a branch is; it decides which customers its staff see: a `branch`'s
 * staff see that branch's customers, the contact centre and head office see all (scope.ts).
 */
export const BRANCH_KINDS = ['branch', 'contact-centre', 'head-office'] as const;
export type BranchKind = (typeof BRANCH_KINDS)[number];

export interface SeedBranch {
  code: string;
  name: string;
  city: string;
  kind: BranchKind;
}

export const DEMO_BRANCHES: SeedBranch[] = [
  { code: 'MDN-KP', name: 'Kantor Pusat Medan', city: 'Medan', kind: 'head-office' },
  { code: 'MDN-KC', name: 'Kantor Cabang Medan Kota', city: 'Medan', kind: 'branch' },
  { code: 'MDN-CC', name: 'Contact Centre Medan', city: 'Medan', kind: 'contact-centre' },
  { code: 'PMS-KC', name: 'Kantor Cabang Pematangsiantar', city: 'Pematangsiantar', kind: 'branch' },
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
