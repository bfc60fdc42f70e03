import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

/** The branch part of an account number: the bank's own office codes. */
const BRANCH_DIGITS: Record<string, string> = {
  'MDN-KP': '100',
  'MDN-KC': '101',
  'MDN-CC': '102',
  'PMS-KC': '201',
};
const PRODUCT_DIGIT: Record<string, string> = { savings: '1', current: '2', deposit: '3' };

/** The Luhn check digit of a string of digits. */
export function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

interface Opened {
  accountNumber: string;
  requestId: string;
  applicationId: string;
  openedAt: string;
}

/**
 * THE CORE-BANKING SIMULATOR — not a core-banking system. For demo mode and tests only, the
 * platform starts it on its own loopback port when CORE_BANKING_URL is not set. It speaks the
 * API the adapter (core-banking.ts) uses: `POST /api/v1/accounts` with an `Idempotency-Key`
 * opens an account and answers its number — 10 digits: branch (3), product (1), serial (5),
 * Luhn check digit — and the same key answers the same account again. Its accounts live in
 * memory and are gone when the platform stops. `failNext(n)` makes the next n requests answer
 * 503, as a core-banking outage would.
 */
export class CoreBankingSimulator {
  readonly #byRequest = new Map<string, Opened>();
  #serial = 0;
  #failures = 0;
  #server: Server | undefined;
  #url: string | undefined;
  /** Requests received, failed ones included (tests count retries with it). */
  requests = 0;

  constructor(private readonly logger?: Logger) {}

  get url(): string {
    if (!this.#url) throw new Error('the core-banking simulator is not listening');
    return this.#url;
  }

  /** The next `count` account requests answer 503 Service Unavailable. */
  failNext(count: number): void {
    this.#failures = count;
  }

  async start(): Promise<string> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.logger?.error({ err: error }, 'core-banking simulator: request failed');
        if (!response.headersSent) send(response, 500, { error: 'internal error' });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.#server = server;
    this.#url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.logger?.info(
      { url: this.#url },
      'core-banking simulator listening (demo and tests; not a real core-banking system)',
    );
    return this.#url;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://simulator');
    if (request.method === 'GET' && url.pathname === '/api/v1/health')
      return send(response, 200, { status: 'UP', simulator: true });
    if (request.method !== 'POST' || url.pathname !== '/api/v1/accounts')
      return send(response, 404, { error: `no route ${request.method} ${url.pathname}` });
    this.requests++;
    const body = JSON.parse((await readBody(request)) || '{}') as Record<string, unknown>;
    const requestId = request.headers['idempotency-key'];
    if (typeof requestId !== 'string' || requestId.length === 0)
      return send(response, 400, { error: 'the Idempotency-Key header is required' });
    if (this.#failures > 0) {
      this.#failures--;
      this.logger?.warn({ requestId }, 'core-banking simulator: answering 503 as told');
      return send(response, 503, { error: 'core banking is unavailable (simulated outage)' });
    }
    const known = this.#byRequest.get(requestId);
    if (known) return send(response, 200, known);
    const { applicationId, branchCode, product, customerName } = body;
    if (typeof applicationId !== 'string' || typeof branchCode !== 'string' || typeof product !== 'string')
      return send(response, 400, { error: 'applicationId, branchCode and product are required' });
    if (typeof customerName !== 'string' || customerName.trim() === '')
      return send(response, 400, { error: 'customerName is required' });
    const stem = `${BRANCH_DIGITS[branchCode] ?? '199'}${PRODUCT_DIGIT[product] ?? '9'}${String(++this.#serial).padStart(5, '0')}`;
    const opened: Opened = {
      accountNumber: `${stem}${luhnDigit(stem)}`,
      requestId,
      applicationId,
      openedAt: new Date().toISOString(),
    };
    this.#byRequest.set(requestId, opened);
    this.logger?.info({ requestId }, 'core-banking simulator: account opened');
    return send(response, 201, opened);
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
