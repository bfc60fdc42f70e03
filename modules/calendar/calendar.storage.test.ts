import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { createTestDatabases, type TestDatabases } from '../../tests/harness/test-database.ts';

const T0 = Date.parse('2026-11-02T09:00:00+07:00');

interface HolidayBody {
  date: string;
  name: string;
  nameEn: string;
  kind: string;
  updatedAt: string;
  updatedBy: string;
}
interface ProblemBody {
  code: string;
  errors?: { field: string; message: string }[];
}

const q = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

describe(`calendar: holidays and business-day arithmetic (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let databases: TestDatabases;
  let p: TestPlatform;
  let replica: TestPlatform;
  beforeAll(async () => {
    databases = await createTestDatabases();
    p = await createPlatform({ databases });
    // A second server on the same databases, as a second replica behind a load balancer.
    replica = await createPlatform({ databases });
    p.clock.pin(T0);
    replica.clock.pin(T0);
  });
  afterAll(async () => {
    await replica?.close();
    await p?.close();
    await databases?.drop();
  });

  const dueAfterWorkingDays = async (on: TestPlatform, from: string, days: number) => {
    const answer = await on
      .as('agent1')
      .get<{ dueAt: string; dueDate: string }>(`/api/calendar/working-days?${q({ from, days })}`);
    expect(answer.status).toBe(200);
    return answer.body.dueDate;
  };
  const contactWindow = async (on: TestPlatform, at: string) => {
    const answer = await on
      .as('marketing1')
      .get<{ open: boolean; nextOpening: string }>(`/api/calendar/contact-window?${q({ at })}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('any logged-in user lists the seeded holidays of a year', async () => {
    const answer = await p.as('agent1').get<{ holidays: HolidayBody[] }>('/api/calendar/holidays?year=2026');
    expect(answer.status).toBe(200);
    const { holidays } = answer.body;
    expect(holidays).toHaveLength(25);
    expect(holidays.filter((h) => h.kind === 'national')).toHaveLength(17);
    expect(holidays.find((h) => h.date === '2026-03-21')).toMatchObject({
      name: 'Idul Fitri 1447 Hijriah',
      nameEn: 'Eid al-Fitr',
      kind: 'national',
      updatedBy: 'system',
    });
    expect(holidays.find((h) => h.date === '2026-03-20')?.kind).toBe('cuti-bersama');
    expect(holidays.map((h) => h.date)).toEqual([...holidays.map((h) => h.date)].sort());
    const all = await p.as('agent1').get<{ holidays: HolidayBody[] }>('/api/calendar/holidays');
    expect(all.body.holidays.some((h) => h.date.startsWith('2027-'))).toBe(true);
  });

  it('the arithmetic answers from the seeded calendar', async () => {
    expect(await dueAfterWorkingDays(p, '2026-03-17T10:00:00+07:00', 10)).toBe('2026-04-08');
    const hours = await p
      .as('agent1')
      .get<{ dueAt: string }>(
        `/api/calendar/working-hours?${q({ from: '2026-03-17T15:00:00+07:00', hours: 24 })}`,
      );
    expect(hours.body.dueAt).toBe('2026-03-27T05:00:00.000Z');
    expect(await contactWindow(p, '2026-03-21T19:00:00+07:00')).toEqual({
      at: '2026-03-21T12:00:00.000Z',
      open: false,
      nextOpening: '2026-03-23T01:00:00.000Z',
    });
  });

  it('an admin adds, changes and removes a holiday; both replicas count it on the next call', async () => {
    // Thursday 5 November 2026 + 2 working days: Friday 6, Monday 9.
    const from = '2026-11-05T10:00:00+07:00';
    expect(await dueAfterWorkingDays(replica, from, 2)).toBe('2026-11-09');

    const created = await p.http.post<HolidayBody>('/api/calendar/holidays', {
      date: '2026-11-09',
      name: 'Hari Pemungutan Suara',
      nameEn: 'Election day',
      kind: 'national',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      date: '2026-11-09',
      name: 'Hari Pemungutan Suara',
      nameEn: 'Election day',
      kind: 'national',
      updatedAt: new Date(T0).toISOString(),
      updatedBy: 'admin',
    });
    expect(await dueAfterWorkingDays(replica, from, 2)).toBe('2026-11-10');
    expect(await contactWindow(replica, '2026-11-09T10:00:00+07:00')).toMatchObject({
      open: false,
      nextOpening: '2026-11-10T01:00:00.000Z',
    });

    // As cuti bersama it is still no working day, but marketing may call.
    const changed = await replica.http.put<HolidayBody>('/api/calendar/holidays/2026-11-09', {
      name: 'Cuti Bersama Pemungutan Suara',
      nameEn: 'Collective leave: election day',
      kind: 'cuti-bersama',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.kind).toBe('cuti-bersama');
    expect(await dueAfterWorkingDays(p, from, 2)).toBe('2026-11-10');
    expect((await contactWindow(p, '2026-11-09T10:00:00+07:00')).open).toBe(true);

    expect((await p.http.delete('/api/calendar/holidays/2026-11-09')).status).toBe(204);
    expect(await dueAfterWorkingDays(replica, from, 2)).toBe('2026-11-09');
  });

  it('every change is in the audit trail with who, what and from/to', async () => {
    const answer = await p.http.get<{ items: { action: string; actor: string; details: unknown }[] }>(
      `/api/audit/entries?${q({ entityType: 'holiday', entityId: '2026-11-09' })}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((e) => e.action)).toEqual([
      'holiday.delete',
      'holiday.update',
      'holiday.create',
    ]);
    expect(answer.body.items.every((e) => e.actor === 'admin')).toBe(true);
    const [deleted, updated, created] = answer.body.items;
    expect(created?.details).toMatchObject({ kind: { from: null, to: 'national' } });
    expect(updated?.details).toEqual({
      name: { from: 'Hari Pemungutan Suara', to: 'Cuti Bersama Pemungutan Suara' },
      nameEn: { from: 'Election day', to: 'Collective leave: election day' },
      kind: { from: 'national', to: 'cuti-bersama' },
    });
    expect(deleted?.details).toMatchObject({ kind: { from: 'cuti-bersama', to: null } });
  });

  it('a duplicate date is a 409; an unknown date a 404', async () => {
    const duplicate = await p.http.post<ProblemBody>('/api/calendar/holidays', {
      date: '2026-12-25',
      name: 'Natal',
      nameEn: 'Christmas',
      kind: 'national',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('HOLIDAY_EXISTS');
    const fields = { name: 'Tidak ada', nameEn: 'None', kind: 'national' };
    const change = await p.http.put<ProblemBody>('/api/calendar/holidays/2026-11-11', fields);
    expect(change.status).toBe(404);
    expect(change.body.code).toBe('HOLIDAY_NOT_FOUND');
    expect((await p.http.delete<ProblemBody>('/api/calendar/holidays/2026-11-11')).status).toBe(404);
  });

  it('a seeded holiday the admin deletes does not come back at restart', async () => {
    expect((await p.http.delete('/api/calendar/holidays/2026-05-15')).status).toBe(204);
    const restarted = await createPlatform({ databases });
    try {
      const list = await restarted
        .as('agent1')
        .get<{ holidays: HolidayBody[] }>('/api/calendar/holidays?year=2026');
      expect(list.body.holidays.map((h) => h.date)).not.toContain('2026-05-15');
      expect(list.body.holidays).toHaveLength(24);
    } finally {
      await restarted.close();
    }
  });

  it('an agent may read but not change the calendar; anonymous callers get 401', async () => {
    const agent = p.as('agent1');
    const body = { date: '2026-11-12', name: 'Uji', nameEn: 'Test', kind: 'national' };
    for (const answer of [
      await agent.post<ProblemBody>('/api/calendar/holidays', body),
      await agent.put<ProblemBody>('/api/calendar/holidays/2026-12-25', body),
      await agent.delete<ProblemBody>('/api/calendar/holidays/2026-12-25'),
    ]) {
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('FORBIDDEN');
    }
    for (const answer of [
      await p.anonymous.get<ProblemBody>('/api/calendar/holidays'),
      await p.anonymous.get<ProblemBody>(
        `/api/calendar/working-days?${q({ from: '2026-11-05T10:00:00Z', days: 1 })}`,
      ),
      await p.anonymous.post<ProblemBody>('/api/calendar/holidays', { date: 'nonsense' }),
    ])
      expect(answer.status).toBe(401);
  });

  it('bad input is a 400 naming each bad field, never a 500', async () => {
    const fieldsOf = async (answer: Promise<{ status: number; body: unknown }>) => {
      const { status, body } = await answer;
      expect(status).toBe(400);
      return (body as ProblemBody).errors?.map((e) => e.field);
    };
    expect(
      await fieldsOf(
        p.http.post('/api/calendar/holidays', {
          date: '2026-02-30',
          name: 'x',
          nameEn: 'y',
          kind: 'holiday',
        }),
      ),
    ).toEqual(['body.date', 'body.kind']);
    expect(
      await fieldsOf(p.http.post('/api/calendar/holidays', { date: '2026-11-12', kind: 'national' })),
    ).toEqual(['body.name', 'body.nameEn']);
    expect(
      await fieldsOf(
        p.http.put('/api/calendar/holidays/2026-13-01', { name: 'x', nameEn: 'y', kind: 'national' }),
      ),
    ).toEqual(['path.date']);
    expect(await fieldsOf(p.http.delete('/api/calendar/holidays/25-12-2026'))).toEqual(['path.date']);
    const from = '2026-11-05T10:00:00+07:00';
    expect(await fieldsOf(p.http.get(`/api/calendar/working-days?${q({ from, days: -1 })}`))).toEqual([
      'query.days',
    ]);
    expect(await fieldsOf(p.http.get(`/api/calendar/working-days?${q({ from, days: 1_000_000 })}`))).toEqual([
      'query.days',
    ]);
    expect(
      await fieldsOf(p.http.get(`/api/calendar/working-days?${q({ from: '2026-11-05', days: 2 })}`)),
    ).toEqual(['query.from']);
    expect(await fieldsOf(p.http.get(`/api/calendar/working-hours?${q({ from, hours: 'many' })}`))).toEqual([
      'query.hours',
    ]);
    expect(await fieldsOf(p.http.get('/api/calendar/contact-window'))).toEqual(['query.at']);
    expect(await fieldsOf(p.http.get('/api/calendar/holidays?year=twenty'))).toEqual(['query.year']);
  });
});
