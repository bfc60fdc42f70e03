import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';

const T0 = Date.parse('2027-04-06T01:00:00Z');

interface Answer {
  code?: string;
  errors?: { field: string }[];
}

const NEW_USER = { username: 'new.user', displayName: 'New', roles: ['agent'], password: 'Long-Enough-2027' };

/** Every administration route, with a body that would be valid. */
const ROUTES: [method: string, path: string, body?: unknown][] = [
  ['GET', '/api/users'],
  [
    'POST',
    '/api/users',
    { username: 'new.user', displayName: 'New', roles: ['agent'], password: 'Long-Enough-2027' },
  ],
  ['GET', '/api/users/agent1'],
  ['PATCH', '/api/users/agent1', { displayName: 'Putri S.' }],
  ['POST', '/api/users/agent1/password', { password: 'Long-Enough-2027' }],
  ['POST', '/api/users/agent1/unlock'],
  ['GET', '/api/branches'],
  ['POST', '/api/branches', { code: 'KBJ-KC', name: 'KC Kabanjahe', city: 'Kabanjahe' }],
  ['PATCH', '/api/branches/MDN-KC', { name: 'KC Medan' }],
];

const NOT_ADMINS = [
  'owner',
  'compliance1',
  'marketing1',
  'lead1',
  'agent1',
  'supervisor1',
  'backoffice1',
  'rm1',
];

const longName = 'x'.repeat(101);

/** Bad input on every route, and the field the 400 must name. */
const BAD: [method: string, path: string, body: unknown, field: string][] = [
  ['GET', '/api/users?pageSize=0', undefined, 'query.pageSize'],
  ['GET', '/api/users?page=first', undefined, 'query.page'],
  ['GET', '/api/users?role=king', undefined, 'query.role'],
  ['POST', '/api/users', { ...NEW_USER, username: 'Bad Name' }, 'body.username'],
  ['POST', '/api/users', { ...NEW_USER, displayName: undefined }, 'body.displayName'],
  ['POST', '/api/users', { ...NEW_USER, roles: [] }, 'body.roles'],
  ['POST', '/api/users', { ...NEW_USER, roles: ['king'] }, 'body.roles.0'],
  ['POST', '/api/users', { ...NEW_USER, password: 'too-short' }, 'body.password'],
  [
    'POST',
    '/api/users',
    { ...NEW_USER, username: 'backoffice.medan', password: 'BACKOFFICE.MEDAN' },
    'body.password',
  ],
  ['POST', '/api/users', { ...NEW_USER, branchCode: 'NOPE-01' }, 'body.branchCode'],
  ['POST', '/api/users', { ...NEW_USER, branchCode: 'lower case' }, 'body.branchCode'],
  ['GET', `/api/users/${longName}`, undefined, 'path.username'],
  ['PATCH', '/api/users/agent1', { roles: 'agent' }, 'body.roles'],
  ['PATCH', '/api/users/agent1', { disabled: 'yes' }, 'body.disabled'],
  ['PATCH', '/api/users/agent1', { branchCode: 'NOPE-01' }, 'body.branchCode'],
  ['PATCH', '/api/users/agent1', { password: 'Long-Enough-2027' }, 'body'],
  ['PATCH', `/api/users/${longName}`, { displayName: 'X' }, 'path.username'],
  ['POST', '/api/users/agent1/password', {}, 'body.password'],
  ['POST', '/api/users/agent1/password', { password: 'short' }, 'body.password'],
  ['POST', '/api/users/relationship.mgr/password', { password: 'Relationship.MGR' }, 'body.password'],
  ['POST', `/api/users/${longName}/unlock`, undefined, 'path.username'],
  ['POST', '/api/branches', { code: 'bad code', name: 'X', city: 'Y' }, 'body.code'],
  ['POST', '/api/branches', { code: 'KBJ-KC', city: 'Y' }, 'body.name'],
  ['POST', '/api/branches', { code: 'KBJ-KC', name: 'X', city: 'Y', kind: 'bank' }, 'body.kind'],
  ['PATCH', '/api/branches/MDN-KC', { active: 'no' }, 'body.active'],
  ['PATCH', '/api/branches/MDN-KC', { name: '' }, 'body.name'],
  ['PATCH', `/api/branches/${'X'.repeat(21)}`, { name: 'X' }, 'path.code'],
];

describe(`identity administration: who may, and what input (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
    p.clock.pin(T0);
    // A user whose name is long enough to be tried as a password.
    const created = await p.http.post('/api/users', {
      username: 'relationship.mgr',
      displayName: 'RM Medan',
      roles: ['relationship-manager'],
      password: 'Long-Enough-2027',
    });
    expect(created.status).toBe(201);
  });
  afterAll(() => p?.close());

  it('anonymous callers get 401 on every administration route', async () => {
    for (const [method, path, body] of ROUTES) {
      const answer = await p.anonymous.request<Answer>(method, path, body);
      expect([method, path, answer.status, answer.body.code]).toEqual([method, path, 401, 'UNAUTHENTICATED']);
    }
  });

  it('every role but admin gets 403 on every administration route, even with bad input', async () => {
    p.clock.pin(T0 + 60_000);
    for (const username of NOT_ADMINS) {
      const client = p.as(username);
      for (const [method, path, body] of [...ROUTES, ['POST', '/api/users', { nonsense: true }] as const]) {
        const answer = await client.request<Answer>(method, path, body);
        expect([username, method, path, answer.status, answer.body.code]).toEqual([
          username,
          method,
          path,
          403,
          'FORBIDDEN',
        ]);
      }
    }
  });

  it('bad input on every route is a 400 naming the field, never a 500', async () => {
    for (const [method, path, body, field] of BAD) {
      const answer = await p.http.request<Answer>(method, path, body);
      expect([method, path, answer.status]).toEqual([method, path, 400]);
      expect(answer.body.errors?.map((e) => e.field)).toContain(field);
    }
    const malformed = await p.http.request<Answer>('POST', '/api/users', '{"username":', {
      'Content-Type': 'application/json',
    });
    expect(malformed.status).toBe(400);
  });

  it('unknown users and branches are 404 with a code', async () => {
    const cases: [string, string, unknown, string][] = [
      ['GET', '/api/users/nobody', undefined, 'USER_NOT_FOUND'],
      ['PATCH', '/api/users/nobody', { displayName: 'X' }, 'USER_NOT_FOUND'],
      ['POST', '/api/users/nobody/password', { password: 'Long-Enough-2027' }, 'USER_NOT_FOUND'],
      ['POST', '/api/users/nobody/unlock', undefined, 'USER_NOT_FOUND'],
      ['PATCH', '/api/branches/NOPE-01', { name: 'X' }, 'BRANCH_NOT_FOUND'],
    ];
    for (const [method, path, body, code] of cases) {
      const answer = await p.http.request<Answer>(method, path, body);
      expect([path, answer.status, answer.body.code]).toEqual([path, 404, code]);
    }
  });

  it('the routes are described in the OpenAPI document', async () => {
    const doc = await p.anonymous.get<{ paths: Record<string, object> }>('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/users',
        '/api/users/{username}',
        '/api/users/{username}/password',
        '/api/users/{username}/unlock',
        '/api/branches',
        '/api/branches/{code}',
      ]),
    );
  });
});
