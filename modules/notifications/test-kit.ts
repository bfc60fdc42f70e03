import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { TestPlatform } from '../../tests/harness/create-platform.ts';

/** Test helpers of the notification suites: real receivers on loopback, customers, waiting. */

export const WEBHOOK_SECRET = 'test webhook secret, long enough to be accepted';

/** An instant given as WIB wall time: wib('2026-12-26T17:59'). */
export const wib = (local: string) => Date.parse(`${local}:00+07:00`);

export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`still not so after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Lets real time pass for the dispatcher to have had its chance (to show nothing happens). */
export const settle = (ms = 600) => new Promise((resolve) => setTimeout(resolve, ms));

/** A real SMTP server on a free loopback port; each mail parsed as the recipient would read it. */
export async function startSmtp() {
  const mails: ParsedMail[] = [];
  /** SMTP reply codes to answer the next DATA commands with (none left: accept). */
  const refusals: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const refusal = refusals.shift();
      simpleParser(stream)
        .then((mail) => {
          if (refusal) {
            const error = Object.assign(new Error(`refused by the test (${refusal})`), {
              responseCode: refusal,
            });
            return callback(error);
          }
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuse: (...codes: number[]) => refusals.push(...codes),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: { id: string; channel: string; to: string; text: string; callbackUrl: string };
}

/** A local HTTP receiver playing an SMS or WhatsApp provider: records each POST, answers as told. */
export async function startReceiver() {
  const requests: Received[] = [];
  /** Statuses to answer the next requests with (none left: 200 with a provider id). */
  const answers: number[] = [];
  let failAlways: number | undefined;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      const status = answers.shift() ?? failAlways ?? 200;
      requests.push({ path: req.url ?? '', headers: req.headers, raw, body: JSON.parse(raw) });
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { id: `prov-${requests.length}` } : { error: 'unavailable' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    requests,
    answer: (...statuses: number[]) => answers.push(...statuses),
    failAlways: (status: number | undefined) => {
      failAlways = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let nik = 0;

/** A customer registered by agent1 (contact centre: every customer in scope). */
export async function newCustomer(
  p: TestPlatform,
  fields: { fullName: string; email?: string | null; phone?: string | null },
): Promise<string> {
  nik += 1;
  const answer = await p.as('agent1').post<{ id: string }>('/api/customers', {
    segment: 'mass',
    branchCode: 'MDN-KC',
    nik: `12710112039${String(process.pid % 1000).padStart(3, '0')}${String(nik).padStart(2, '0')}`,
    ...fields,
  });
  if (answer.status !== 201) throw new Error(`customer not created: ${JSON.stringify(answer.body)}`);
  return answer.body.id;
}

export async function consent(
  p: TestPlatform,
  customerId: string,
  channel: string,
  granted: boolean,
  purpose = 'marketing',
): Promise<void> {
  const answer = await p
    .as('agent1')
    .post(`/api/customers/${customerId}/consents`, { channel, purpose, granted, source: 'branch-form' });
  if (answer.status !== 200 && answer.status !== 201)
    throw new Error(`consent not recorded: ${answer.status}`);
}

export interface Detail {
  id: string;
  status: string;
  statusReason: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  templateVersion: number;
  recipientEmail: string | null;
  recipientPhone: string | null;
  subject: string | null;
  text: string | null;
  openCount: number;
  clickCount: number;
  lastError: string | null;
  events: { at: string; kind: string; detail: string | null }[];
}

export async function detail(p: TestPlatform, id: string, as = 'compliance1'): Promise<Detail> {
  return (await p.as(as).get<Detail>(`/api/notifications/messages/${id}`)).body;
}

/** Waits until the message has one of these statuses. */
export async function statusOf(p: TestPlatform, id: string, ...statuses: string[]): Promise<Detail> {
  let last: Detail | undefined;
  await until(async () => {
    last = (await p.http.get<Detail>(`/api/notifications/messages/${id}`)).body;
    return statuses.includes(last.status);
  }).catch((error) => {
    throw new Error(
      `${id} is ${last?.status} (${last?.statusReason}), not ${statuses.join('/')}: ${error.message}`,
    );
  });
  return last as Detail;
}
