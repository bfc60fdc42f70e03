import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';

interface Entry {
  username: string;
  displayName: string;
  roles: string[];
  branch: string | null;
  active: boolean;
}
interface Answer {
  items: Entry[];
  code?: string;
  errors?: { field: string }[];
}

describe(`identity: the staff directory (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
    // A disabled user stays in the directory (old cases still name them), marked inactive.
    const created = await p.http.post('/api/users', {
      username: 'agent.gone',
      displayName: 'Rudi Purba',
      roles: ['agent'],
      branchCode: 'MDN-KC',
      password: 'Long-Enough-2027',
    });
    expect(created.status).toBe(201);
    expect((await p.http.patch('/api/users/agent.gone', { disabled: true })).status).toBe(200);
  });
  afterAll(() => p?.close());

  it('any logged-in user reads names, roles, branch and active; nothing more', async () => {
    for (const username of ['agent1', 'marketing1', 'backoffice1', 'rm1', 'owner']) {
      const answer = await p.as(username).get<Answer>('/api/users/directory');
      expect([username, answer.status]).toEqual([username, 200]);
      for (const entry of answer.body.items) {
        expect(Object.keys(entry).sort()).toEqual(['active', 'branch', 'displayName', 'roles', 'username']);
      }
      expect(answer.body.items).toContainEqual({
        username: 'agent1',
        displayName: 'Putri Simanjuntak',
        roles: ['agent'],
        branch: 'MDN-CC',
        active: true,
      });
      expect(answer.body.items).toContainEqual({
        username: 'agent.gone',
        displayName: 'Rudi Purba',
        roles: ['agent'],
        branch: 'MDN-KC',
        active: false,
      });
      expect(answer.body.items.find((e) => e.username === 'admin')?.branch).toBeNull();
    }
  });

  it('filters by role and by branch', async () => {
    const agents = await p.as('agent1').get<Answer>('/api/users/directory?role=agent');
    expect(agents.status).toBe(200);
    expect(agents.body.items.map((e) => e.username)).toEqual(expect.arrayContaining(['agent1', 'agent2']));
    expect(agents.body.items.every((e) => e.roles.includes('agent'))).toBe(true);

    const centre = await p.as('agent1').get<Answer>('/api/users/directory?branch=MDN-CC');
    expect(centre.body.items.map((e) => e.username)).toEqual(
      expect.arrayContaining(['agent1', 'agent2', 'supervisor1']),
    );
    expect(centre.body.items.every((e) => e.branch === 'MDN-CC')).toBe(true);

    const both = await p.as('agent1').get<Answer>('/api/users/directory?role=supervisor&branch=MDN-CC');
    expect(both.body.items.map((e) => e.username)).toContain('supervisor1');
    expect(both.body.items.every((e) => e.roles.includes('supervisor') && e.branch === 'MDN-CC')).toBe(true);

    const none = await p.as('agent1').get<Answer>('/api/users/directory?branch=NOPE-01');
    expect(none.body.items).toEqual([]);
  });

  it('an unknown role is a 400 naming the field; an anonymous caller gets 401', async () => {
    const bad = await p.as('agent1').get<Answer>('/api/users/directory?role=king');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toContain('query.role');
    const anonymous = await p.anonymous.get<Answer>('/api/users/directory');
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
