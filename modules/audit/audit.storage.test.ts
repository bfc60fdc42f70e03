import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { createTestDatabases, type TestDatabases } from '../../tests/harness/test-database.ts';
import { deriveDataKeys } from './keys.ts';
import { SubjectKeys } from './subject-keys.ts';
import { AuditTrail, type VerifyResult } from './trail.ts';

const run = promisify(execFile);
const T0 = Date.parse('2026-11-23T02:00:00Z');

interface Page {
  items: {
    seq: number;
    action: string;
    actor: string;
    details: Record<string, unknown> | null;
    erased: boolean;
  }[];
  nextBefore: number | null;
}

describe(`audit: hash chain, tamper detection, crypto-erasure (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let databases: TestDatabases;
  let p: TestPlatform;
  let trail: AuditTrail;
  let subjects: SubjectKeys;
  beforeAll(async () => {
    databases = await createTestDatabases();
    p = await createPlatform({ databases });
    p.clock.pin(T0);
    const keys = deriveDataKeys(p.config.dataKey);
    subjects = new SubjectKeys(p.platform.sequelize, keys);
    trail = new AuditTrail(p.platform.sequelize, keys, subjects, p.clock);
  });
  afterAll(async () => {
    await p?.close();
    await databases?.drop();
  });

  const sql = (statement: string) => p.platform.sequelize.query(statement);
  const verify = async () => (await p.as('compliance1').get<VerifyResult>('/api/audit/verify')).body;

  it('entries are chained, searchable by compliance and masked for an admin', async () => {
    await trail.record({
      actor: 'agent1',
      source: '10.0.0.7',
      action: 'customer.update',
      entityType: 'customer',
      entityId: 'c-1',
      customerId: 'c-1',
      details: {
        phone: { from: '081234567890', to: '081298765432' },
        segment: { from: 'mass', to: 'emerging' },
      },
    });
    await trail.record({
      actor: 'admin',
      source: null,
      action: 'user.create',
      entityType: 'user',
      entityId: 'x',
    });
    const seen = await p.as('compliance1').get<Page>('/api/audit/entries?entityType=customer');
    expect(seen.status).toBe(200);
    expect(seen.body.items).toHaveLength(1);
    expect(seen.body.items[0]?.details).toEqual({
      phone: { from: '081234567890', to: '081298765432' },
      segment: { from: 'mass', to: 'emerging' },
    });
    const masked = await p.http.get<Page>('/api/audit/entries?entityId=c-1');
    expect(masked.body.items[0]?.details).toEqual({
      phone: { from: '0812*****890', to: '0812*****432' },
      segment: { from: 'mass', to: 'emerging' },
    });
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('the stored details of a customer entry are ciphertext, never the raw values', async () => {
    const [rows] = await sql("SELECT details FROM audit_entries WHERE subject_id = 'c-1'");
    const stored = String((rows as { details: string }[])[0]?.details);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain('0812');
  });

  it('reading the trail is itself recorded', async () => {
    await p.as('compliance2').get('/api/audit/entries?actor=agent1');
    const page = await p.as('compliance1').get<Page>('/api/audit/entries?action=audit.search&limit=1');
    expect(page.body.items[0]?.details).toEqual({ filter: { actor: 'agent1' } });
    expect(page.body.items[0]).toMatchObject({ actor: 'compliance2', action: 'audit.search' });
  });

  it('pages backwards from the newest entry', async () => {
    for (let i = 0; i < 5; i++)
      await trail.record({
        actor: 'system',
        source: null,
        action: 'test.page',
        entityType: 't',
        entityId: String(i),
      });
    const first = await p.http.get<Page>('/api/audit/entries?action=test.page&limit=3');
    expect(first.body.items.map((e) => e.seq)).toEqual(
      [...first.body.items.map((e) => e.seq)].sort((a, b) => b - a),
    );
    const second = await p.http.get<Page>(
      `/api/audit/entries?action=test.page&limit=3&before=${first.body.nextBefore}`,
    );
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextBefore).toBeNull();
  });

  it('erasing a customer destroys its key: details become unreadable, the chain still verifies', async () => {
    await subjects.destroy('c-1', p.clock.now());
    const page = await p.as('compliance1').get<Page>('/api/audit/entries?subjectId=c-1');
    expect(page.body.items[0]).toMatchObject({ erased: true, details: null, action: 'customer.update' });
    expect(await verify()).toMatchObject({ valid: true });
    // Nothing new about the erased customer is ever encrypted again.
    await trail.record({
      actor: 'system',
      source: null,
      action: 'customer.retention',
      entityType: 'customer',
      entityId: 'c-1',
      customerId: 'c-1',
      details: { nik: '1271011203900001' },
    });
    const [rows] = await sql("SELECT details FROM audit_entries WHERE action = 'customer.retention'");
    expect((rows as { details: string | null }[])[0]?.details).toBeNull();
  });

  it('concurrent appends keep one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        trail.record({
          actor: 'system',
          source: null,
          action: 'test.concurrent',
          entityType: 't',
          entityId: `${i}`,
        }),
      ),
    );
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('the verify command agrees with the endpoint', async () => {
    const { stdout } = await run('npx', ['tsx', 'modules/audit/verify-command.ts'], {
      env: { ...process.env, DATABASE_URL: databases.databaseUrl, NODE_ENV: 'test' },
    });
    expect(stdout).toContain('audit chain intact');
  });

  it('an altered entry is detected, by the endpoint and by the command', async () => {
    await sql("UPDATE audit_entries SET actor = 'someone-else' WHERE action = 'user.create'");
    const result = await verify();
    expect(result.valid).toBe(false);
    expect(result.broken?.problem).toBe('altered');
    const failed = await run('npx', ['tsx', 'modules/audit/verify-command.ts'], {
      env: { ...process.env, DATABASE_URL: databases.databaseUrl, NODE_ENV: 'test' },
    }).catch((error: { code: number; stdout: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stdout: string }).stdout).toContain('BROKEN');
    await sql("UPDATE audit_entries SET actor = 'admin' WHERE action = 'user.create'");
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('a removed entry is detected, in the middle and at the end', async () => {
    const [rows] = await sql("SELECT * FROM audit_entries WHERE action = 'test.page' ORDER BY seq");
    const victim = (rows as { seq: number | string }[])[1];
    await sql(`DELETE FROM audit_entries WHERE seq = ${Number(victim?.seq)}`);
    expect((await verify()).broken).toMatchObject({ seq: Number(victim?.seq) + 1, problem: 'removed' });
  });

  it('a removed tail is detected against the chain head', async () => {
    const other = await createTestDatabases();
    const q = await createPlatform({ databases: other });
    try {
      const keys = deriveDataKeys(q.config.dataKey);
      const t = new AuditTrail(
        q.platform.sequelize,
        keys,
        new SubjectKeys(q.platform.sequelize, keys),
        q.clock,
      );
      for (let i = 0; i < 3; i++)
        await t.record({ actor: 'system', source: null, action: 'x', entityType: 't', entityId: `${i}` });
      await q.platform.sequelize.query(
        'DELETE FROM audit_entries WHERE seq = (SELECT m FROM (SELECT MAX(seq) AS m FROM audit_entries) AS last)',
      );
      const result = (await q.as('compliance1').get<VerifyResult>('/api/audit/verify')).body;
      expect(result.broken?.problem).toBe('tail-removed');
    } finally {
      await q.close();
      await other.drop();
    }
  });

  it('only compliance and admin read the trail; bad filters answer 400 naming the field', async () => {
    expect((await p.as('agent1').get('/api/audit/entries')).status).toBe(403);
    expect((await p.anonymous.get('/api/audit/verify')).status).toBe(401);
    const bad = await p.http.get<{ errors: { field: string }[] }>(
      '/api/audit/entries?limit=0&from=yesterday',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['query.from', 'query.limit']);
  });
});
