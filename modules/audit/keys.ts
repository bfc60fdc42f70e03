import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The keys derived from DATA_KEY, one per purpose, so no key serves two jobs:
 * `wrap` encrypts each data subject's own key, `blindIndex` keys the exact-match search
 * digests of encrypted fields, `chain` keys the audit trail's hash chain (so rewriting the
 * chain needs the key, not only write access to the database).
 */
export interface DataKeys {
  wrap: Buffer;
  blindIndex: Buffer;
  chain: Buffer;
}

export function deriveDataKeys(master: Buffer): DataKeys {
  if (master.length !== 32) throw new Error('DATA_KEY must be 32 bytes');
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `bpm-crm/${purpose}`, 32));
  return {
    wrap: derive('subject-key-wrap'),
    blindIndex: derive('blind-index'),
    chain: derive('audit-chain'),
  };
}

const VERSION = 'v1';

/** AES-256-GCM; the result is `v1.<iv>.<ciphertext and tag>` in base64url, safe in a text column. */
export function seal(key: Buffer, plaintext: string | Buffer, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  // The context (the column and row it belongs to) is authenticated: a ciphertext copied to
  // another customer's row or field does not decrypt.
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

export function unseal(key: Buffer, sealed: string, context: string): Buffer {
  const [version, iv, body] = sealed.split('.');
  if (version !== VERSION || !iv || !body) throw new Error('not a sealed value');
  const bytes = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]);
}

/** A keyed digest of a normalised value, for exact search on an encrypted field (hex, 32 chars). */
export function blindIndex(key: Buffer, field: string, normalised: string): string {
  return createHmac('sha256', key).update(`${field}\u0000${normalised}`).digest('hex').slice(0, 32);
}
