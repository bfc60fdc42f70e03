// The requests `npm run bench:api` times: random customers picked from the seeded database, and
// each kind of request (Customer 360, the searches, a timeline page) with what its audit entry records.
import { unseal } from '../../modules/audit/keys.ts';
import type { CustomerRow, FieldCipher } from '../../modules/customers/model.ts';
import type { Raw } from './api-sql.ts';

export interface Sample {
  id: string;
  fullName: string;
  nik: string;
  phone: string;
  key: Buffer;
  cursor: string;
}

/** Random customers: a random CIF number (its unique index), as many as asked for. */
export async function pickSamples(
  raw: Raw,
  cipher: FieldCipher,
  wrapKey: Buffer,
  count: number,
): Promise<Sample[]> {
  const [counter] = await raw.run("SELECT value FROM customer_counters WHERE name = 'cif'");
  const highest = Number(counter?.value);
  const seen = new Map<string, Sample>();
  for (let attempt = 0; seen.size < count && attempt < count * 3; attempt++) {
    const cif = `C${String(1 + Math.floor(Math.random() * highest)).padStart(10, '0')}`;
    const [row] = (await raw.run(
      `SELECT * FROM customers WHERE cif = '${cif}' AND erased_at IS NULL`,
    )) as unknown as CustomerRow[];
    if (!row || seen.has(row.id) || !row.phone_sealed) continue;
    const [keyRow] = await raw.run(
      `SELECT wrapped_key FROM audit_subject_keys WHERE subject_id = '${row.id}'`,
    );
    const key = unseal(wrapKey, String(keyRow?.wrapped_key), `subject:${row.id}`);
    const customer = cipher.customer(row, key);
    const [last] = await raw.run(
      `SELECT id, at FROM customer_interactions WHERE customer_id = '${row.id}' ORDER BY at DESC, id DESC LIMIT 1`,
    );
    seen.set(row.id, {
      id: row.id,
      fullName: customer.fullName,
      nik: customer.nik as string,
      phone: customer.phone as string,
      key,
      cursor: `${last?.at}.${last?.id}`,
    });
  }
  return [...seen.values()];
}

/** One kind of request: its path for a sample, and what its audit entry records. */
export interface Probe {
  name: string;
  label: string;
  path(s: Sample, i: number): string;
  audit(
    s: Sample,
    body: unknown,
  ): { action: string; entityId: string; subject: Sample | null; details: unknown };
}

const namePrefix = (s: Sample, i: number) => {
  const words = s.fullName.split(' ').filter((w) => /^[A-Za-z]{3,}$/.test(w));
  const last = words.at(-1) ?? s.fullName;
  // Half by the surname's first letters ("sire"), half by two words' ("ahm sir").
  return i % 2 === 0 || words.length < 2
    ? last.slice(0, 4)
    : `${words[0]?.slice(0, 3)} ${last.slice(0, 3)}`.toLowerCase();
};
const viewAudit = (part: string) => (s: Sample) => ({
  action: 'customer.view',
  entityId: s.id,
  subject: s,
  details: { part, clear: [] },
});
const searchAudit = (by: string) => (_: Sample, body: unknown) => ({
  action: 'customer.search',
  entityId: '*',
  subject: null,
  details: { by, results: ((body as { items?: { id: string }[] }).items ?? []).map((i) => i.id) },
});

export const PROBES: Probe[] = [
  {
    name: 'customer360',
    label: 'Customer 360',
    path: (s) => `/api/customers/${s.id}`,
    audit: viewAudit('360'),
  },
  {
    name: 'searchByName',
    label: 'search: name prefix',
    path: (s, i) => `/api/customers?q=${encodeURIComponent(namePrefix(s, i))}`,
    audit: searchAudit('name'),
  },
  {
    name: 'searchByNik',
    label: 'search: NIK',
    path: (s) => `/api/customers?q=${s.nik}`,
    audit: searchAudit('identifier'),
  },
  {
    name: 'searchByPhone',
    label: 'search: phone',
    path: (s) => `/api/customers?q=${s.phone}`,
    audit: searchAudit('identifier'),
  },
  {
    name: 'timeline',
    label: 'timeline page',
    path: (s) => `/api/customers/${s.id}/timeline?before=${s.cursor}`,
    audit: viewAudit('timeline'),
  },
];
