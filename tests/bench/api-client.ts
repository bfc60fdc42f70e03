// The client side of `npm run bench:api`: GETs from a worker thread, as a browser would send
// them from outside the server's process.
import { Worker } from 'node:worker_threads';
import type { TestPlatform } from '../harness/create-platform.ts';

export type Get = (path: string) => Promise<{ status: number; body: unknown; ms: number }>;

/**
 * The client's side of a GET, run in a worker thread: one kept-alive node:http connection,
 * timing each request on its own clock. A browser is not in the server's process; a client
 * in it would add its own event-loop turns and garbage collection to every measurement.
 */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const { Agent, request } = require('node:http');
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
parentPort.on('message', (path) => {
  const started = performance.now();
  const req = request({ hostname: workerData.hostname, port: workerData.port, path, agent, headers: workerData.headers }, (res) => {
    const chunks = [];
    res.on('data', (chunk) => chunks.push(chunk));
    res.on('end', () => parentPort.postMessage({ ms: performance.now() - started, status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
  });
  req.on('error', (error) => parentPort.postMessage({ ms: 0, status: 0, body: JSON.stringify({ error: String(error) }) }));
  req.end();
});
`;

/** A GET by a user logged in once (logins are rate limited), from the client worker. */
export async function loggedInGet(platform: TestPlatform, username: string): Promise<Get> {
  const login = await platform.anonymous.post<{ token: string }>('/api/auth/login', {
    username,
    password: platform.config.demoPassword,
  });
  if (login.status !== 200) throw new Error(`login of ${username} answered ${login.status}`);
  const { hostname, port } = new URL(platform.platform.url);
  const worker = new Worker(CLIENT, {
    eval: true,
    workerData: { hostname, port, headers: { authorization: `Bearer ${login.body.token}` } },
  });
  worker.unref();
  return (path) =>
    new Promise((resolve) => {
      worker.once('message', (answer: { ms: number; status: number; body: string }) =>
        resolve({ status: answer.status, body: JSON.parse(answer.body), ms: answer.ms }),
      );
      worker.postMessage(path);
    });
}
