/** The words of Customer 360, shared by the schemas, the service and the seed. */
export const SEGMENTS = ['mass', 'emerging', 'priority', 'sme'] as const;
export const KYC_STATUSES = ['pending', 'verified', 'rejected'] as const;
export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export const PRODUCT_KINDS = ['savings', 'deposit', 'loan', 'card', 'investment'] as const;
export const PRODUCT_STATUSES = ['active', 'closed'] as const;
/** Channels a customer may be contacted on, each with its own consent (DOMAIN: offers). */
export const CONSENT_CHANNELS = ['email', 'sms', 'whatsapp', 'phone'] as const;
export const CONSENT_PURPOSES = ['marketing', 'service', 'profiling', 'third-party'] as const;
export const CONSENT_SOURCES = [
  'branch-form',
  'mobile-app',
  'internet-banking',
  'call-centre',
  'web',
] as const;
export const INTERACTION_CHANNELS = [
  'branch',
  'call',
  'whatsapp',
  'email',
  'sms',
  'mobile',
  'web',
  'system',
] as const;
export const INTERACTION_KINDS = [
  'visit',
  'call',
  'message',
  'transaction',
  'case',
  'campaign',
  'consent',
  'note',
] as const;

export type Segment = (typeof SEGMENTS)[number];
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Sealed personal fields of the customers table. */
export const SEALED_FIELDS = ['nik', 'phone', 'email'] as const;
export type SealedField = (typeof SEALED_FIELDS)[number];

/** The canonical form of a value, as its blind index digests it. */
export const normalise = {
  nik: (v: string) => v.replace(/\D/g, ''),
  /** Indonesian mobile numbers: +62 812…, 62812…, 0812… and 812… are one number, 0812…. */
  phone: (v: string) => {
    const digits = v.replace(/\D/g, '');
    if (digits.startsWith('62')) return `0${digits.slice(2)}`;
    if (digits.startsWith('8')) return `0${digits}`;
    return digits;
  },
  email: (v: string) => v.trim().toLowerCase(),
  accountNumber: (v: string) => v.replace(/[\s.-]/g, ''),
};

/**
 * The words of a name for prefix search: upper case, accents and punctuation dropped, so
 * "Siti Nurhaliza Br. Sembiring" is found by "sembir" or "SITI NUR".
 */
export function nameWords(name: string): string[] {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.slice(0, 60));
  return [...new Set(words)];
}
