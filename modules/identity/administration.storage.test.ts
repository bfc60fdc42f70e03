import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { createTestDatabases, type TestDatabases } from '../../tests/harness/test-database.ts';
import { LOCK_AFTER } from './login.ts';
import type { BranchDto, UserDto } from './schema.ts';

const T0 = Date.parse('2027-04-05T01:00:00Z');

interface Answer {
  code?: string;
  detail?: string;
  token?: string;
  errors?: { field: string }[];
}
interface Page {
  items: UserDto[];
  total: number;
  page: number;
  pageSize: number;
}
interface AuditPage {
  items: { actor: string; action: string; entityId: string; details: Record<string, unknown> | null }[];
}

describe(`identity administration: users and branches (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let databases: TestDatabases;
  let p: TestPlatform;
  let replica: TestPlatform;
  beforeAll(async () => {
    databases = await createTestDatabases();
    p = await createPlatform({ databases });
    replica = await createPlatform({ databases });
  });
  afterAll(async () => {
    await replica?.close();
    await p?.close();
    await databases?.drop();
  });
  // Each test logs in afresh in its own minute, clear of the per-address login rate limit.
  let minute = 0;
  beforeEach(() => {
    minute += 1;
    for (const platform of [p, replica]) platform.clock.pin(T0 + minute * 60_000);
  });

  const login = (username: string, password: string, on = p) =>
    on.anonymous.post<Answer>('/api/auth/login', { username, password });
  const tokenOf = async (username: string, password = 'demo', on = p) => {
    const answer = await login(username, password, on);
    expect(answer.status).toBe(200);
    return answer.body.token as string;
  };
  const me = (token: string, on = p) =>
    on.anonymous.withToken(token).get<Answer & { roles: string[] }>('/api/auth/me');
  const users = (query = '') => p.http.get<Page>(`/api/users${query}`);
  const names = (page: Page) => page.items.map((user) => user.username);
  const auditOf = async (entityId: string) =>
    (await p.http.get<AuditPage>(`/api/audit/entries?entityId=${entityId}&limit=200`)).body.items;

  it('lists users by role, branch and part of the name, in pages, never with password hashes', async () => {
    const all = await users();
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(12);
    expect(JSON.stringify(all.body)).not.toMatch(/scrypt|password/i);
    expect(all.body.items.find((user) => user.username === 'agent1')).toEqual({
      username: 'agent1',
      displayName: 'Putri Simanjuntak',
      roles: ['agent'],
      branchCode: 'MDN-CC',
      disabled: false,
      disabledAt: null,
      lockedUntil: null,
      createdAt: expect.any(String),
    });
    expect(names((await users('?role=agent')).body)).toEqual(['agent1', 'agent2']);
    expect(names((await users('?branchCode=MDN-CC')).body)).toEqual(['agent1', 'agent2', 'supervisor1']);
    expect(names((await users('?q=SIMANJ')).body)).toEqual(['agent1']);
    expect(names((await users('?q=OWNER')).body)).toEqual(['owner', 'owner2']);
    expect((await users('?q=%25')).body.total).toBe(0);
    const second = (await users('?pageSize=5&page=2')).body;
    expect(second).toMatchObject({ total: 12, page: 2, pageSize: 5 });
    expect(names(second)).toEqual(names(all.body).slice(5, 10));
    expect((await users('?pageSize=1000')).body.pageSize).toBe(100);
  });

  it('an admin creates a user, who then logs in with the new password; the trail says who did it', async () => {
    const created = await p.http.post<UserDto & Answer>('/api/users', {
      username: 'agent3',
      displayName: 'Rudi Purba',
      roles: ['agent'],
      branchCode: 'MDN-KC',
      password: 'Medan-Kota-2027!',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username: 'agent3',
      roles: ['agent'],
      branchCode: 'MDN-KC',
      disabled: false,
    });
    expect((await p.http.get('/api/users/agent3')).body).toEqual(created.body);
    const token = await tokenOf('agent3', 'Medan-Kota-2027!', replica);
    expect((await me(token)).body).toMatchObject({ branchCode: 'MDN-KC', branchKind: 'branch' });

    const taken = await p.http.post<Answer>('/api/users', {
      username: 'agent3',
      displayName: 'Someone Else',
      roles: ['agent'],
      password: 'Another-Password-1',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('USERNAME_TAKEN');

    const [entry] = await auditOf('agent3');
    expect(entry).toMatchObject({ actor: 'admin', action: 'user.create' });
    expect(entry?.details).toMatchObject({ roles: { from: null, to: ['agent'] } });
    expect(JSON.stringify(entry)).not.toMatch(/Medan-Kota|scrypt/);
  });

  it("an admin changes a user's name, roles and branch, which count on the user's next request", async () => {
    const token = await tokenOf('backoffice1');
    const changed = await p.http.patch<UserDto>('/api/users/backoffice1', {
      displayName: 'Andi P. Hutagalung',
      roles: ['supervisor', 'backoffice'],
      branchCode: 'PMS-KC',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ roles: ['backoffice', 'supervisor'], branchCode: 'PMS-KC' });
    expect((await me(token, replica)).body).toMatchObject({
      roles: ['backoffice', 'supervisor'],
      branchCode: 'PMS-KC',
      branchKind: 'branch',
    });
    expect(
      (await p.http.patch<UserDto>('/api/users/backoffice1', { branchCode: null })).body.branchCode,
    ).toBeNull();
    const [last, first] = await auditOf('backoffice1');
    expect(first).toMatchObject({
      action: 'user.update',
      details: { branchCode: { from: null, to: 'PMS-KC' } },
    });
    expect(last?.details).toEqual({ branchCode: { from: 'PMS-KC', to: null } });
  });

  it('branches are listed, created and changed, and a branch kind sets its staff scope', async () => {
    const list = await p.http.get<{ items: BranchDto[] }>('/api/branches');
    expect(list.body.items.map((b) => [b.code, b.kind])).toEqual([
      ['MDN-CC', 'contact-centre'],
      ['MDN-KC', 'branch'],
      ['MDN-KP', 'head-office'],
      ['PMS-KC', 'branch'],
    ]);
    const created = await p.http.post<BranchDto>('/api/branches', {
      code: 'BNJ-KC',
      name: 'KC Binjai',
      city: 'Binjai',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      code: 'BNJ-KC',
      name: 'KC Binjai',
      city: 'Binjai',
      kind: 'branch',
      active: true,
    });
    const again = await p.http.post<Answer>('/api/branches', {
      code: 'BNJ-KC',
      name: 'Again',
      city: 'Binjai',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('BRANCH_EXISTS');

    const token = await tokenOf('rm1');
    await p.http.patch('/api/users/rm1', { branchCode: 'BNJ-KC' });
    const renamed = await p.http.patch<BranchDto>('/api/branches/BNJ-KC', {
      name: 'Kantor Cabang Binjai',
      kind: 'head-office',
    });
    expect(renamed.body).toMatchObject({ name: 'Kantor Cabang Binjai', kind: 'head-office' });
    expect((await me(token, replica)).body).toMatchObject({
      branchCode: 'BNJ-KC',
      branchKind: 'head-office',
    });

    expect((await p.http.patch<BranchDto>('/api/branches/BNJ-KC', { active: false })).body.active).toBe(
      false,
    );
    const intoInactive = await p.http.patch<Answer>('/api/users/agent2', { branchCode: 'BNJ-KC' });
    expect(intoInactive.status).toBe(400);
    expect(intoInactive.body.errors?.map((e) => e.field)).toEqual(['body.branchCode']);
    expect((await p.http.patch<Answer>('/api/branches/NOPE', { active: true })).body.code).toBe(
      'BRANCH_NOT_FOUND',
    );
    expect((await auditOf('BNJ-KC')).map((entry) => entry.action)).toEqual([
      'branch.update',
      'branch.update',
      'branch.create',
    ]);
  });

  it('disabling a user ends their live session on every replica, and they cannot log in', async () => {
    const token = await tokenOf('agent2', 'demo', replica);
    const disabled = await p.http.patch<UserDto>('/api/users/agent2', { disabled: true });
    expect(disabled.body).toMatchObject({
      disabled: true,
      disabledAt: new Date(p.clock.now()).toISOString(),
    });
    const after = await me(token, replica);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
    // The same answer as a wrong password: whether an account exists stays hidden.
    const refused = await login('agent2', 'demo', replica);
    const wrong = await login('agent1', 'wrong-password');
    expect([refused.status, refused.body.code, refused.body.detail]).toEqual([
      wrong.status,
      wrong.body.code,
      wrong.body.detail,
    ]);
    await p.http.patch('/api/users/agent2', { disabled: false });
    expect((await login('agent2', 'demo', replica)).status).toBe(200);
    expect((await auditOf('agent2')).map((entry) => entry.action)).toEqual(['user.enable', 'user.disable']);
  });

  it('a token of an account disabled behind its back (no revocation) is refused too', async () => {
    const token = await tokenOf('marketing1');
    await p.platform.sequelize.query(
      "UPDATE identity_users SET disabled_at = 1 WHERE username = 'marketing1'",
    );
    expect((await me(token, replica)).status).toBe(401);
    await p.platform.sequelize.query(
      "UPDATE identity_users SET disabled_at = NULL WHERE username = 'marketing1'",
    );
    expect((await me(token, replica)).status).toBe(200);
  });

  it('the last active admin can neither lose the role nor be disabled, and no admin disables themselves', async () => {
    const self = await p.http.patch<Answer>('/api/users/admin', { disabled: true });
    expect([self.status, self.body.code]).toEqual([409, 'CANNOT_DISABLE_SELF']);
    const demote = () => p.http.patch<Answer>('/api/users/admin', { roles: ['process-owner'] });
    const demoted = await demote();
    expect([demoted.status, demoted.body.code]).toEqual([409, 'LAST_ADMIN']);

    const password = 'Kedua-Admin-2027';
    await p.http.post('/api/users', {
      username: 'admin2',
      displayName: 'Admin Dua',
      roles: ['admin'],
      password,
    });
    await p.http.patch('/api/users/admin2', { disabled: true });
    expect((await demote()).body.code).toBe('LAST_ADMIN'); // a disabled admin does not count
    await p.http.patch('/api/users/admin2', { disabled: false });

    const admin2 = p.anonymous.withToken(await tokenOf('admin2', password));
    expect((await admin2.patch('/api/users/admin', { disabled: true })).status).toBe(200);
    const last = await admin2.patch<Answer>('/api/users/admin2', { roles: ['compliance'] });
    expect([last.status, last.body.code]).toEqual([409, 'LAST_ADMIN']);
    expect((await admin2.patch('/api/users/admin', { disabled: false })).status).toBe(200);
    expect((await admin2.patch('/api/users/admin2', { roles: ['compliance'] })).status).toBe(200);
    expect((await users('?role=admin')).body.items.map((u) => u.username)).toEqual(['admin']);
  });

  it('two admins demoting each other at once on two replicas leave one admin standing', async () => {
    const password = 'Admin-Serentak-2027';
    for (const username of ['admin.a', 'admin.b'])
      await p.http.post('/api/users', { username, displayName: username, roles: ['admin'], password });
    const a = p.anonymous.withToken(await tokenOf('admin.a', password));
    const b = replica.anonymous.withToken(await tokenOf('admin.b', password, replica));
    expect((await a.patch('/api/users/admin', { disabled: true })).status).toBe(200);
    const answers = await Promise.all([
      a.patch<Answer>('/api/users/admin.b', { roles: ['compliance'] }),
      b.patch<Answer>('/api/users/admin.a', { roles: ['compliance'] }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const standing = answers[0]?.status === 200 ? a : b;
    expect((await standing.patch('/api/users/admin', { disabled: false })).status).toBe(200);
  });

  it("a password reset ends the user's sessions; the old password stops working", async () => {
    const token = await tokenOf('owner2', 'demo', replica);
    const reset = await p.http.post('/api/users/owner2/password', { password: 'Baru-Sekali-2027' });
    expect(reset.status).toBe(204);
    expect((await me(token, replica)).status).toBe(401);
    expect((await login('owner2', 'demo')).status).toBe(401);
    expect((await login('owner2', 'Baru-Sekali-2027', replica)).status).toBe(200);
    const [entry] = await auditOf('owner2');
    expect(entry).toMatchObject({ action: 'user.reset-password', details: { sessionsRevoked: 1 } });
    expect(JSON.stringify(entry)).not.toMatch(/Baru-Sekali|scrypt/);
  });

  it('an admin unlocks an account locked after failed logins', async () => {
    for (let i = 0; i < LOCK_AFTER; i++) await login('compliance2', `wrong-${i}`);
    expect((await login('compliance2', 'demo')).status).toBe(423);
    expect((await p.http.get<UserDto>('/api/users/compliance2')).body.lockedUntil).not.toBeNull();
    const unlocked = await p.http.post<UserDto>('/api/users/compliance2/unlock');
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.lockedUntil).toBeNull();
    expect((await login('compliance2', 'demo', replica)).status).toBe(200);
    expect((await auditOf('compliance2'))[0]).toMatchObject({ actor: 'admin', action: 'user.unlock' });
  });
});
