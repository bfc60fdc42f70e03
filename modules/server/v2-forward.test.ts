import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';

/**
 * Zeebe mode forwards /v2 reads to Camunda's REST API. Camunda's Orchestration Cluster cannot
 * run here (no Docker), so a local stand-in for its REST API records what arrives and answers
 * in Camunda's shape; the real API is exercised by the compose setup.
 */
describe('the /v2 read API in Zeebe mode', () => {
  let camundaStandIn: Server;
  const received: { method: string; url: string; body: string; contentType?: string }[] = [];
  let p: TestPlatform;

  beforeAll(async () => {
    camundaStandIn = createServer(async (req: IncomingMessage, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        body,
        contentType: req.headers['content-type'],
      });
      if (req.url?.startsWith('/v2/process-instances/999')) {
        res.writeHead(404, { 'content-type': 'application/problem+json' });
        res.end(
          JSON.stringify({
            status: 404,
            title: 'NOT_FOUND',
            detail: 'Process Instance with key 999 not found',
          }),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          items: [{ processInstanceKey: '2251799813685251', state: 'ACTIVE' }],
          page: { totalItems: 1 },
        }),
      );
    });
    await new Promise<void>((resolve) => camundaStandIn.listen(0, '127.0.0.1', resolve));
    const { port } = camundaStandIn.address() as AddressInfo;
    p = await createPlatform({
      database: 'sqlite',
      env: { ENGINE: 'zeebe', ZEEBE_ADDRESS: '127.0.0.1:1', ZEEBE_REST_ADDRESS: `http://127.0.0.1:${port}` },
    });
  });
  afterAll(async () => {
    await p.close();
    await new Promise((resolve) => camundaStandIn.close(resolve));
  });

  it('sends a search to Camunda unchanged and answers with what Camunda answered', async () => {
    const search = { filter: { processDefinitionId: 'complaint' }, page: { limit: 5 } };
    const answer = await p.http.post<{ items: unknown[] }>('/v2/process-instances/search', search);
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([{ processInstanceKey: '2251799813685251', state: 'ACTIVE' }]);
    expect(received.at(-1)).toEqual({
      method: 'POST',
      url: '/v2/process-instances/search',
      body: JSON.stringify(search),
      contentType: 'application/json',
    });
  });

  it("passes Camunda's errors through, status and body", async () => {
    const answer = await p.http.get<{ detail: string }>('/v2/process-instances/999');
    expect(answer.status).toBe(404);
    expect(answer.body.detail).toBe('Process Instance with key 999 not found');
  });

  it('forwards reads only: other /v2 calls are not this API', async () => {
    const before = received.length;
    const answer = await p.http.post('/v2/process-instances/1/cancellation', {});
    expect(answer.status).toBe(404);
    expect(received.length).toBe(before);
  });

  it('answers 502 naming Camunda when it cannot be reached', async () => {
    const down = await createPlatform({
      database: 'sqlite',
      env: { ENGINE: 'zeebe', ZEEBE_ADDRESS: '127.0.0.1:1', ZEEBE_REST_ADDRESS: 'http://127.0.0.1:9' },
    });
    try {
      const answer = await down.http.get<{ code: string; detail: string }>('/v2/incidents/1');
      expect(answer.status).toBe(502);
      expect(answer.body.code).toBe('CAMUNDA_UNREACHABLE');
      expect(answer.body.detail).toContain("Camunda's REST API at http://127.0.0.1:9");
    } finally {
      await down.close();
    }
  });
});

/** An access token as identity providers issue them: a JWT (the SDK reads its expiry). */
const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const TOKEN = `${part({ alg: 'none', typ: 'JWT' })}.${part({ exp: Math.floor(Date.now() / 1000) + 300, aud: 'zeebe.camunda.io' })}.signature`;

describe('the /v2 read API in Zeebe mode, against a secured cluster', () => {
  let identity: Server;
  let camunda: Server;
  const tokenRequests: string[] = [];
  const authorizations: (string | undefined)[] = [];
  let p: TestPlatform;

  beforeAll(async () => {
    // A stand-in for the cluster's OAuth server (client credentials) and for its REST API.
    identity = createServer(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      tokenRequests.push(body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: TOKEN, token_type: 'Bearer', expires_in: 300 }));
    });
    camunda = createServer((req, res) => {
      // Only the reads this test makes: the platform's own background reads may come in between.
      if (req.url?.endsWith('/incidents/search')) authorizations.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ items: [], page: { totalItems: 0 } }));
    });
    for (const server of [identity, camunda])
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const portOf = (server: Server) => (server.address() as AddressInfo).port;
    p = await createPlatform({
      database: 'sqlite',
      env: {
        ENGINE: 'zeebe',
        ZEEBE_ADDRESS: '127.0.0.1:1',
        ZEEBE_REST_ADDRESS: `http://127.0.0.1:${portOf(camunda)}`,
        CAMUNDA_AUTH_STRATEGY: 'OAUTH',
        CAMUNDA_OAUTH_URL: `http://127.0.0.1:${portOf(identity)}/oauth/token`,
        ZEEBE_CLIENT_ID: 'bpm-crm-platform',
        ZEEBE_CLIENT_SECRET: 'client-secret',
      },
    });
  });
  afterAll(async () => {
    await p?.close();
    for (const server of [identity, camunda]) await new Promise((resolve) => server.close(resolve));
  });

  it('sends the token from the OAuth server with every read, fetching it once', async () => {
    // The platform's gRPC client (its workers) asks for a token of its own; the reads share one.
    for (let i = 0; i < 3; i++)
      expect((await p.http.post('/v2/incidents/search', { filter: {} })).status).toBe(200);
    expect(authorizations).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    // One for the reads, one for the gRPC client, and on a slow start a second one fetched before the first was cached.
    expect(tokenRequests.length).toBeLessThanOrEqual(3);
    for (const request of tokenRequests) {
      expect(request).toContain('client_id=bpm-crm-platform');
      expect(request).toContain('grant_type=client_credentials');
    }
  });
});
