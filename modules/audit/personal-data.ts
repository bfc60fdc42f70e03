/**
 * Personal fields (NIK, phone, e-mail, account number) are recognised by their field name —
 * never by the shape of the value: process keys have 16 digits like a NIK (DESIGN seam 6).
 * A name matches when its last words are a known name: `nik`, `customerNik`, `no_hp`,
 * `applicantPhoneNumber`, `nomorRekening`; `teknik` or `phoneType` do not.
 */
export const PERSONAL_FIELD_KINDS = ['nik', 'phone', 'email', 'accountNumber'] as const;
export type PersonalFieldKind = (typeof PERSONAL_FIELD_KINDS)[number];

const NAMES: Record<PersonalFieldKind, string[][]> = {
  nik: [['nik'], ['ktp'], ['national', 'id']],
  phone: [['phone'], ['phone', 'number'], ['mobile'], ['msisdn'], ['hp'], ['telepon'], ['whatsapp']],
  email: [['email'], ['email', 'address'], ['e', 'mail'], ['surel']],
  accountNumber: [['account', 'number'], ['account', 'no'], ['rekening']],
};

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Names already classified: every response walks its field names through here, and the names
 * repeat (a customer's fields, a process's variables). Bounded, as variable names come from
 * models anyone may deploy.
 */
const known = new Map<string, PersonalFieldKind | null>();
const KNOWN_MAX = 10_000;

/** The kind of personal field a name denotes, if any. */
export function personalFieldKind(name: string): PersonalFieldKind | undefined {
  const cached = known.get(name);
  if (cached !== undefined) return cached ?? undefined;
  const kind = classify(name);
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(name, kind ?? null);
  return kind;
}

function classify(name: string): PersonalFieldKind | undefined {
  const w = words(name);
  for (const kind of PERSONAL_FIELD_KINDS)
    for (const tail of NAMES[kind])
      if (tail.length <= w.length && tail.every((word, i) => w[w.length - tail.length + i] === word))
        return kind;
  return undefined;
}

/**
 * What each role sees in clear; every other role sees these fields masked. Compliance reviews
 * KYC, AML and data-subject requests; back office investigates transactions on accounts;
 * relationship managers contact their own portfolio. A supervisor sees masked values and may
 * unmask one field with a stated reason, which is audited.
 */
export const CLEAR_FIELDS: Record<string, readonly PersonalFieldKind[]> = {
  compliance: ['nik', 'phone', 'email', 'accountNumber'],
  backoffice: ['accountNumber'],
  'relationship-manager': ['phone', 'email'],
};

export function seesClear(roles: readonly string[], kind: PersonalFieldKind): boolean {
  return roles.some((role) => CLEAR_FIELDS[role]?.includes(kind));
}

const stars = (n: number) => '*'.repeat(Math.max(0, n));

/** The masked form of a value: enough to recognise it with the customer, not to use it. */
export function maskValue(kind: PersonalFieldKind, value: string): string {
  const v = value.trim();
  if (kind === 'email') {
    const at = v.lastIndexOf('@');
    if (at <= 0) return stars(v.length);
    return `${v[0]}${stars(Math.max(3, at - 1))}${v.slice(at)}`;
  }
  if (kind === 'phone') {
    if (v.length <= 6) return stars(v.length);
    return `${v.slice(0, 4)}${stars(v.length - 7)}${v.slice(-3)}`;
  }
  // NIK and account numbers: only the last four, the length kept.
  if (v.length <= 4) return stars(v.length);
  return `${stars(v.length - 4)}${v.slice(-4)}`;
}

/**
 * A copy of a JSON value with every personal field masked for these roles, at any depth
 * (process variables, audit details, nested objects and lists).
 */
export function maskPersonalFields<T>(value: T, roles: readonly string[]): T {
  return maskIn(value, roles, undefined) as T;
}

function maskIn(value: unknown, roles: readonly string[], kind: PersonalFieldKind | undefined): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => maskIn(item, roles, kind));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value))
      out[key] = maskIn(inner, roles, personalFieldKind(key) ?? kind);
    return out;
  }
  if (kind && !seesClear(roles, kind) && (typeof value === 'string' || typeof value === 'number'))
    return maskValue(kind, String(value));
  return value;
}
