import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** A transparent 1×1 GIF. */
export const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * Tracking tokens: `<message id>.<MAC>`, the MAC keyed from DATA_KEY, so a token cannot be
 * guessed or made for another message, and needs no table of its own. It is the same on every
 * attempt and every replica.
 */
export class TrackingTokens {
  readonly #key: Buffer;

  constructor(
    dataKey: Buffer,
    private readonly publicUrl: string,
  ) {
    this.#key = Buffer.from(
      hkdfSync('sha256', dataKey, Buffer.alloc(0), 'bpm-crm/notification-tracking', 32),
    );
  }

  token(messageId: string): string {
    return `${messageId}.${this.#mac(messageId)}`;
  }

  /** The message a token stands for, or undefined when the platform never handed it out. */
  messageOf(token: string): string | undefined {
    const [id, mac] = token.split('.');
    if (!id || !mac) return undefined;
    const expected = Buffer.from(this.#mac(id));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
  }

  pixelUrl(messageId: string): string {
    return `${this.publicUrl}/api/notifications/track/${this.token(messageId)}/open`;
  }

  clickUrl(messageId: string, link: number): string {
    return `${this.publicUrl}/api/notifications/track/${this.token(messageId)}/click/${link}`;
  }

  #mac(id: string): string {
    return createHmac('sha256', this.#key).update(id).digest('base64url').slice(0, 22);
  }
}
