import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';

const NEW_YEAR_2027_WIB = Date.parse('2027-01-01T00:00:00+07:00');

describe('clock control with ZEEBE_CLOCK_CONTROLLED=true', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
  });
  afterAll(() => p.close());

  it('given PUT /v2/clock, pins the platform clock and answers 204', async () => {
    const res = await p.http.put('/v2/clock', { timestamp: NEW_YEAR_2027_WIB });
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect(p.clock.now()).toBe(NEW_YEAR_2027_WIB);
    const health = await p.http.get<{ time: string; clockPinned: boolean }>('/api/health');
    expect(health.body).toMatchObject({ time: '2026-12-31T17:00:00.000Z', clockPinned: true });
  });

  it.each([{}, { timestamp: -1 }, { timestamp: 'tomorrow' }, { timestamp: 1.5 }])(
    'given %j, answers 400 problem+json and leaves the clock alone',
    async (body) => {
      p.clock.pin(NEW_YEAR_2027_WIB);
      const res = await p.http.put<Record<string, any>>('/v2/clock', body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body.detail).toMatch(/Expected pin time to be not negative/);
      expect(p.clock.now()).toBe(NEW_YEAR_2027_WIB);
    },
  );

  it('given POST /v2/clock/reset, returns to system time and answers 204', async () => {
    p.clock.pin(0);
    const res = await p.http.post('/v2/clock/reset');
    expect(res.status).toBe(204);
    expect(p.clock.pinned).toBe(false);
    expect(Math.abs(p.clock.now() - Date.now())).toBeLessThan(5_000);
  });

  it('given the wrong method, answers 405', async () => {
    expect((await p.http.get('/v2/clock/reset')).status).toBe(405);
  });
});

describe('clock control switched off (the default)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform({ env: { ZEEBE_CLOCK_CONTROLLED: 'false' } });
  });
  afterAll(() => p.close());

  it('answers 404 on the clock routes and does not move the clock', async () => {
    expect((await p.http.put('/v2/clock', { timestamp: 0 })).status).toBe(404);
    expect((await p.http.post('/v2/clock/reset')).status).toBe(404);
    expect(p.clock.pinned).toBe(false);
  });
});
