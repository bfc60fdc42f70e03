import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import type { PlatformModule } from './module.ts';
import { MODULES } from './modules.ts';

// A module that exists only in this test, to exercise validation through the real app.
const echo = createRoute({
  method: 'post',
  path: '/api/test/echo',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            name: z.string().min(1),
            age: z.number().int().min(17),
            nik: z.string().length(16),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'echoed',
      content: { 'application/json': { schema: z.object({ name: z.string() }) } },
    },
  },
});
const echoModule: PlatformModule = {
  name: 'echo',
  routes: (app: OpenAPIHono) => {
    app.openapi(echo, (c) => c.json({ name: c.req.valid('json').name }, 200));
    app.get('/api/test/boom', () => {
      throw new Error('database exploded: secret detail');
    });
  },
};

describe('the HTTP server', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform({ modules: [...MODULES, echoModule] });
  });
  afterAll(() => p.close());

  it('answers /api/health with the engine and the database in use', async () => {
    const res = await p.http.get<Record<string, any>>('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      demo: true,
      database: { dialect: p.config.database.dialect, up: true },
      engine: { mode: 'embedded' },
    });
    expect(res.headers.get('x-request-id')).toMatch(/.+/);
  });

  it('given invalid fields, answers 400 problem+json listing each field', async () => {
    const res = await p.http.post<Record<string, any>>('/api/test/echo', { name: '', age: 12.5 });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.instance).toBe('/api/test/echo');
    expect(res.body.requestId).toBe(res.headers.get('x-request-id'));
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.age',
      'body.name',
      'body.nik',
    ]);
  });

  it('given valid fields, runs the handler', async () => {
    const res = await p.http.post('/api/test/echo', { name: 'Siti', age: 30, nik: '1271015506900001' });
    expect(res).toMatchObject({ status: 200, body: { name: 'Siti' } });
  });

  it('given malformed JSON, answers 400 problem+json', async () => {
    const res = await p.http.post<Record<string, any>>('/api/test/echo', '{"name": ');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.detail).toMatch(/JSON/i);
  });

  it('given a body over the limit, answers 413 problem+json', async () => {
    const res = await p.http.post<Record<string, any>>('/api/test/echo', {
      name: 'x'.repeat(6 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('given an unknown route, answers 404 problem+json', async () => {
    const res = await p.http.get<Record<string, any>>('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Not Found' });
  });

  it('given a handler failure, answers 500 problem+json without the internal detail', async () => {
    const res = await p.http.get<Record<string, any>>('/api/test/boom');
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('INTERNAL');
    expect(JSON.stringify(res.body)).not.toContain('secret detail');
  });

  it('describes its routes in /api/openapi.json', async () => {
    const res = await p.http.get<Record<string, any>>('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/test/echo']));
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('renders the description at /api/docs from the installed Swagger UI, no CDN', async () => {
    const page = await p.anonymous.get<string>('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const sources = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(sources.every((s) => s.startsWith('/api/docs/'))).toBe(true);
    for (const source of sources) expect((await p.anonymous.get(source)).status).toBe(200);
    expect((await p.anonymous.get('/api/docs/start.js')).body).toContain('/api/openapi.json');
  });
});
