import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../harness/create-platform.ts';
import { concretePath } from './routes.ts';

/** One demo user per role (DESIGN's demo users). */
const USERS = {
  admin: 'admin',
  'process-owner': 'owner',
  compliance: 'compliance1',
  marketing: 'marketing1',
  agent: 'agent1',
  supervisor: 'supervisor1',
  backoffice: 'backoffice1',
  'relationship-manager': 'rm1',
} as const;
type Role = keyof typeof USERS;
const ALL = Object.keys(USERS) as Role[];

const READ_CUSTOMERS: Role[] = ['agent', 'supervisor', 'backoffice', 'relationship-manager', 'compliance'];
const WRITE_CUSTOMERS: Role[] = ['agent', 'supervisor', 'relationship-manager'];
const PROCESSES: Role[] = ['admin', 'process-owner', 'supervisor', 'compliance'];
const TEMPLATES: Role[] = ['admin', 'marketing'];
const READ_NOTIFICATIONS: Role[] = ['admin', 'supervisor', 'compliance', 'marketing'];
const WORK_TASKS: Role[] = [
  'agent',
  'supervisor',
  'backoffice',
  'relationship-manager',
  'compliance',
  'marketing',
];

/**
 * Who may call each route, written out here independently of the permission table the code
 * uses: 'public' needs no login, 'login' any logged-in user, else exactly these roles.
 */
const EXPECTED: Record<string, 'public' | 'login' | Role[]> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'login',
  'GET /api/auth/me': 'login',
  'GET /api/users': ['admin'],
  'GET /api/users/directory': 'login',
  'POST /api/users': ['admin'],
  'GET /api/users/{username}': ['admin'],
  'PATCH /api/users/{username}': ['admin'],
  'POST /api/users/{username}/password': ['admin'],
  'POST /api/users/{username}/unlock': ['admin'],
  'GET /api/branches': ['admin'],
  'POST /api/branches': ['admin'],
  'PATCH /api/branches/{code}': ['admin'],
  'GET /api/audit/entries': ['admin', 'compliance'],
  'GET /api/audit/verify': ['admin', 'compliance'],
  'GET /api/calendar/holidays': 'login',
  'POST /api/calendar/holidays': ['admin'],
  'PUT /api/calendar/holidays/{date}': ['admin'],
  'DELETE /api/calendar/holidays/{date}': ['admin'],
  'GET /api/calendar/working-days': 'login',
  'GET /api/calendar/working-hours': 'login',
  'GET /api/calendar/contact-window': 'login',
  'GET /api/customers': READ_CUSTOMERS,
  'POST /api/customers': WRITE_CUSTOMERS,
  'GET /api/customers/{id}': READ_CUSTOMERS,
  'PATCH /api/customers/{id}': WRITE_CUSTOMERS,
  'DELETE /api/customers/{id}': ['compliance'],
  'PUT /api/customers/{id}/assignment': ['admin', 'supervisor'],
  'GET /api/customers/{id}/timeline': READ_CUSTOMERS,
  'POST /api/customers/{id}/interactions': WRITE_CUSTOMERS,
  'GET /api/customers/{id}/consents': READ_CUSTOMERS,
  'POST /api/customers/{id}/consents': WRITE_CUSTOMERS,
  'POST /api/customers/{id}/products': WRITE_CUSTOMERS,
  'POST /api/customers/{id}/unmask': ['supervisor', 'compliance'],
  'GET /api/customers/{id}/export': ['compliance'],
  'POST /api/customers/retention': ['compliance'],
  'GET /api/notifications/templates': 'login',
  'POST /api/notifications/templates': TEMPLATES,
  'GET /api/notifications/templates/{templateKey}/{channel}': 'login',
  'PUT /api/notifications/templates/{templateKey}/{channel}': TEMPLATES,
  'DELETE /api/notifications/templates/{templateKey}/{channel}': TEMPLATES,
  'GET /api/notifications/templates/{templateKey}/{channel}/versions': READ_NOTIFICATIONS,
  'POST /api/notifications/templates/{templateKey}/{channel}/preview': TEMPLATES,
  'POST /api/notifications/messages': ['agent', 'supervisor'],
  'GET /api/notifications/messages': READ_NOTIFICATIONS,
  'GET /api/notifications/messages/{id}': READ_NOTIFICATIONS,
  'POST /api/notifications/messages/{id}/retry': ['admin', 'supervisor'],
  'GET /api/notifications/dead-letters': READ_NOTIFICATIONS,
  'GET /api/notifications/stats': READ_NOTIFICATIONS,
  // Providers' delivery callbacks (HMAC-signed) and the tracking pixel and links in e-mails.
  'POST /api/notifications/webhooks/{channel}': 'public',
  'GET /api/notifications/track/{token}/open': 'public',
  'GET /api/notifications/track/{token}/click/{link}': 'public',
  // Campaigns: marketing makes, compliance decides (never its own: the service's four eyes),
  // supervisors and admins follow them.
  'GET /api/campaigns/segments': ['marketing', 'compliance', 'supervisor', 'admin'],
  'POST /api/campaigns/segments': ['marketing'],
  'POST /api/campaigns/segments/preview': ['marketing', 'compliance', 'supervisor', 'admin'],
  'GET /api/campaigns/segments/{id}': ['marketing', 'compliance', 'supervisor', 'admin'],
  'PUT /api/campaigns/segments/{id}': ['marketing'],
  'GET /api/campaigns': ['marketing', 'compliance', 'supervisor', 'admin'],
  'POST /api/campaigns': ['marketing'],
  'GET /api/campaigns/{id}': ['marketing', 'compliance', 'supervisor', 'admin'],
  'PUT /api/campaigns/{id}': ['marketing'],
  'POST /api/campaigns/{id}/submit': ['marketing'],
  'POST /api/campaigns/{id}/pause': ['marketing'],
  'POST /api/campaigns/{id}/resume': ['marketing'],
  'POST /api/campaigns/{id}/cancel': ['marketing'],
  'POST /api/campaigns/{id}/approve': ['compliance'],
  'POST /api/campaigns/{id}/reject': ['compliance'],
  'POST /api/campaigns/{id}/conversions': ['marketing'],
  'GET /api/campaigns/{id}/content': ['marketing', 'compliance', 'supervisor', 'admin'],
  // Cases: read and write as cases.read/cases.write; supervisors manage; admins configure.
  'POST /api/cases': ['agent', 'supervisor', 'backoffice', 'relationship-manager'],
  'GET /api/cases': ['agent', 'supervisor', 'backoffice', 'relationship-manager', 'compliance'],
  'GET /api/cases/vocabulary': ['agent', 'supervisor', 'backoffice', 'relationship-manager', 'compliance'],
  'GET /api/cases/counts': ['agent', 'supervisor', 'backoffice', 'relationship-manager', 'compliance'],
  'GET /api/cases/{id}': ['agent', 'supervisor', 'backoffice', 'relationship-manager', 'compliance'],
  'POST /api/cases/{id}/comments': ['agent', 'supervisor', 'backoffice', 'relationship-manager'],
  'POST /api/cases/{id}/status': ['agent', 'supervisor', 'backoffice', 'relationship-manager'],
  'POST /api/cases/{id}/documents-complete': ['agent', 'supervisor', 'backoffice', 'relationship-manager'],
  'POST /api/cases/{id}/csat': ['agent', 'supervisor', 'backoffice', 'relationship-manager'],
  'POST /api/cases/{id}/extension': ['supervisor'],
  'POST /api/cases/{id}/reassign': ['supervisor'],
  'GET /api/cases/queues': 'login',
  'POST /api/cases/queues': ['admin'],
  'PUT /api/cases/queues/{code}': ['admin'],
  'PUT /api/cases/queues/{code}/members': ['admin'],
  'GET /api/cases/sla-policies': 'login',
  'POST /api/cases/sla-policies': ['admin'],
  'PUT /api/cases/sla-policies/{code}': ['admin'],
  // The satisfaction survey link in the resolution message (signed token).
  'GET /api/cases/survey/{token}': 'public',
  // The dashboards: supervisors, compliance, marketing and admin (each sees its own scope).
  'GET /api/reports/complaint-volume': ['admin', 'supervisor', 'compliance'],
  'GET /api/reports/sla-compliance': ['admin', 'supervisor', 'compliance'],
  'GET /api/reports/root-causes': ['admin', 'supervisor', 'compliance'],
  'GET /api/reports/agents': ['admin', 'supervisor', 'compliance'],
  'GET /api/reports/csat': ['admin', 'supervisor', 'compliance'],
  'GET /api/reports/campaign-funnel': ['admin', 'supervisor', 'compliance', 'marketing'],
  'GET /api/reports/consent-withdrawals': ['admin', 'supervisor', 'compliance', 'marketing'],
  'GET /api/reports/branches': ['admin', 'supervisor', 'compliance', 'marketing'],
  'GET /api/tasks/mine': WORK_TASKS,
  'GET /api/tasks/groups': WORK_TASKS,
  'GET /api/tasks/unassigned': WORK_TASKS,
  'GET /api/tasks': ['supervisor'],
  'GET /api/tasks/{key}': WORK_TASKS,
  'GET /api/tasks/{key}/form': WORK_TASKS,
  'POST /api/tasks/{key}/claim': WORK_TASKS,
  'POST /api/tasks/{key}/unclaim': WORK_TASKS,
  'POST /api/tasks/{key}/assign': ['supervisor'],
  'POST /api/tasks/{key}/complete': WORK_TASKS,
  // Onboarding: applications in the caller's branch; the AML watch list is compliance's alone.
  'GET /api/onboarding/applications': [
    'agent',
    'supervisor',
    'relationship-manager',
    'compliance',
    'backoffice',
  ],
  'POST /api/onboarding/applications': ['agent', 'relationship-manager', 'supervisor'],
  'GET /api/onboarding/applications/{id}': [
    'agent',
    'supervisor',
    'relationship-manager',
    'compliance',
    'backoffice',
  ],
  'PUT /api/onboarding/applications/{id}/documents/{kind}': ['agent', 'relationship-manager', 'supervisor'],
  'GET /api/onboarding/watchlist': ['compliance'],
  'POST /api/onboarding/watchlist': ['compliance'],
  'PATCH /api/onboarding/watchlist/{id}': ['compliance'],
  'DELETE /api/onboarding/watchlist/{id}': ['compliance'],
  'POST /api/onboarding/watchlist/screen': ['compliance'],
  // The designer's repository: process owners design; a second owner or an admin approves.
  'GET /api/designer/models': PROCESSES,
  'POST /api/designer/models': ['process-owner'],
  'GET /api/designer/models/{id}': PROCESSES,
  'GET /api/designer/models/{id}/versions/{version}': PROCESSES,
  'POST /api/designer/models/{id}/versions': ['process-owner'],
  'POST /api/designer/models/{id}/versions/{version}/deploy-requests': ['process-owner'],
  'POST /api/designer/lint': PROCESSES,
  'GET /api/designer/element-templates': PROCESSES,
  'GET /api/designer/deploy-requests': PROCESSES,
  'POST /api/designer/deploy-requests/{id}/approve': ['process-owner', 'admin'],
  'POST /api/designer/deploy-requests/{id}/reject': ['process-owner', 'admin'],
  // Operations on running processes: changes over gRPC; the heatmap for every process reader.
  'POST /api/operations/processes/{bpmnProcessId}/instances': ['process-owner', 'supervisor', 'admin'],
  'POST /api/operations/incidents/{incidentKey}/retry': ['process-owner', 'supervisor', 'admin'],
  'POST /api/operations/process-instances/{key}/cancel': ['process-owner', 'supervisor', 'admin'],
  'GET /api/operations/process-definitions/{key}/statistics': PROCESSES,
  // The engine's read API (Camunda's paths; not in /api/openapi.json).
  'POST /v2/process-definitions/search': PROCESSES,
  'POST /v2/process-instances/search': PROCESSES,
  'POST /v2/element-instances/search': PROCESSES,
  'POST /v2/incidents/search': PROCESSES,
  'POST /v2/variables/search': PROCESSES,
};

describe(`authorization: every route × every role (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let customerId: string;
  beforeAll(async () => {
    p = await createPlatform();
    const created = await p.as('agent1').post<{ id: string }>('/api/customers', {
      fullName: 'Matriks Akses',
      nik: '1271010101900009',
      segment: 'mass',
      branchCode: 'MDN-KC',
    });
    customerId = created.body.id;
  });
  afterAll(async () => {
    await p?.close();
  });

  const concrete = (path: string) => concretePath(path, customerId);

  it('the table covers every route the API describes', async () => {
    const doc = (
      await p.anonymous.get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json')
    ).body;
    const described = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(described.filter((route) => !(route in EXPECTED))).toEqual([]);
  });

  for (const [route, allowed] of Object.entries(EXPECTED)) {
    const [method, path] = route.split(' ') as [string, string];
    if (allowed === 'public') continue;
    it(`${route}: ${allowed === 'login' ? 'any logged-in user' : allowed.join(', ')}`, async () => {
      // An empty body: a permitted caller gets past the guard to validation (or does nothing
      // harmful); a refused one is stopped before. Logout would end the session: checked alone.
      const body = method === 'GET' ? undefined : {};
      expect((await p.anonymous.request(method, concrete(path), body)).status).toBe(401);
      if (route === 'POST /api/auth/logout') return;
      for (const role of ALL) {
        const answer = await p.as(USERS[role]).request<{ code?: string }>(method, concrete(path), body);
        const permitted = allowed === 'login' || allowed.includes(role);
        expect({
          role,
          status: answer.status === 403 ? 'denied' : answer.status === 401 ? 'unauthenticated' : 'permitted',
        }).toEqual({
          role,
          status: permitted ? 'permitted' : 'denied',
        });
        expect(answer.status, `${role} ${route}`).toBeLessThan(500);
      }
    });
  }
});
