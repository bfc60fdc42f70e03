import { CONSENT_CHANNELS, CONSENT_PURPOSES, type ConsentState } from './types.ts';

/** One cell of the consent grid: given, withdrawn, or never recorded (which counts as not given). */
export interface ConsentCell {
  channel: string;
  purpose: string;
  state: 'granted' | 'withdrawn' | 'none';
  updatedAt: string | null;
}

/**
 * The consents in force as a channel × purpose grid, every channel and purpose the bank knows
 * in a fixed order, so a missing consent shows as "not given" rather than disappearing; a
 * channel or purpose the server knows and this build does not is kept at the end.
 */
export function consentMatrix(current: readonly ConsentState[]): {
  purposes: string[];
  rows: ConsentCell[][];
} {
  const channels = [
    ...CONSENT_CHANNELS,
    ...extra(
      current.map((c) => c.channel),
      CONSENT_CHANNELS,
    ),
  ];
  const purposes = [
    ...CONSENT_PURPOSES,
    ...extra(
      current.map((c) => c.purpose),
      CONSENT_PURPOSES,
    ),
  ];
  const byKey = new Map(current.map((c) => [`${c.channel}/${c.purpose}`, c]));
  const rows = channels.map((channel) =>
    purposes.map((purpose): ConsentCell => {
      const found = byKey.get(`${channel}/${purpose}`);
      return {
        channel,
        purpose,
        state: found ? (found.granted ? 'granted' : 'withdrawn') : 'none',
        updatedAt: found?.updatedAt ?? null,
      };
    }),
  );
  return { purposes, rows };
}

function extra(seen: string[], known: readonly string[]): string[] {
  return [...new Set(seen)].filter((value) => !known.includes(value));
}

/** A search needs 2 characters at least (the API's rule), said before asking. */
export function searchProblem(q: string): 'tooShort' | null {
  return q.trim().length < 2 ? 'tooShort' : null;
}

/** Timeline pages appended as they load; an entry already shown never shows twice. */
export function appendPage<T extends { id: string }>(shown: readonly T[], page: readonly T[]): T[] {
  const ids = new Set(shown.map((item) => item.id));
  return [...shown, ...page.filter((item) => !ids.has(item.id))];
}
