import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Survey links: `<case id>.<MAC>`, the MAC keyed from DATA_KEY (as notifications' tracking
 * tokens), so a link cannot be guessed or made for another case and needs no table.
 */
export class SurveyTokens {
  readonly #key: Buffer;

  constructor(
    dataKey: Buffer,
    private readonly publicUrl: string,
  ) {
    this.#key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'bpm-crm/case-survey', 32));
  }

  token(caseId: string): string {
    return `${caseId}.${this.#mac(caseId)}`;
  }

  /** The case a token stands for, or undefined when the platform never handed it out. */
  caseOf(token: string): string | undefined {
    const [id, mac] = token.split('.');
    if (!id || !mac) return undefined;
    const expected = Buffer.from(this.#mac(id));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
  }

  /** The link the resolution message carries; the customer adds `?score=1..5` by choosing. */
  url(caseId: string): string {
    return `${this.publicUrl}/api/cases/survey/${this.token(caseId)}`;
  }

  #mac(id: string): string {
    return createHmac('sha256', this.#key).update(id).digest('base64url').slice(0, 22);
  }
}
