import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the signature of a webhook request, both ways. */
export const SIGNATURE_HEADER = 'X-Signature';
/** How far a callback's timestamp may be from now (wall clock): replays older than this fail. */
const TOLERANCE_S = 300;

const mac = (secret: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp is signed with the
 * body, so a captured request cannot be replayed later or with another body.
 */
export function sign(secret: string, body: string, nowMs: number): string {
  const timestamp = Math.floor(nowMs / 1000);
  return `t=${timestamp},v1=${mac(secret, timestamp, body)}`;
}

export function verify(secret: string, header: string | undefined, body: string, nowMs: number): boolean {
  const parts = Object.fromEntries(
    (header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string]),
  );
  const timestamp = Number(parts.t);
  if (!Number.isSafeInteger(timestamp) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return false;
  if (Math.abs(nowMs / 1000 - timestamp) > TOLERANCE_S) return false;
  return timingSafeEqual(
    Buffer.from(parts.v1 as string, 'hex'),
    Buffer.from(mac(secret, timestamp, body), 'hex'),
  );
}
