import { QueryTypes } from 'sequelize';
import type { CustomerRow } from './model.ts';
import { scopeCondition, type Viewer } from './scope.ts';
import type { CustomerService } from './service.ts';
import { nameWords } from './vocabulary.ts';

export type SearchBy = 'name' | 'identifier' | 'email' | 'cif';

/** How a query is read: a CIF, an e-mail, digits (NIK, phone or account: all three are tried), or a name. */
export function searchKind(q: string): SearchBy {
  const t = q.trim();
  if (/^C\d{10}$/i.test(t)) return 'cif';
  if (t.includes('@')) return 'email';
  if (/^\+?[\d\s.-]{6,}$/.test(t)) return 'identifier';
  return 'name';
}

/**
 * Customer search, every path on an index: exact matches through the blind indexes of NIK,
 * phone, e-mail and account number; names by word prefix through customer_name_words, in
 * index order so the first page is found without sorting the whole match.
 */
export async function searchCustomers(
  service: CustomerService,
  q: string,
  viewer: Viewer,
  limit: number,
): Promise<{ by: SearchBy; rows: CustomerRow[] }> {
  const by = searchKind(q);
  const scope = scopeCondition(viewer.scope);
  const { cipher, sequelize } = service;
  const select = (sql: string, replacements: Record<string, unknown>) =>
    sequelize.query<CustomerRow>(sql, {
      replacements: { ...replacements, ...scope.replacements, limit },
      type: QueryTypes.SELECT,
    });
  const live = `c.erased_at IS NULL AND ${scope.sql}`;
  if (by === 'cif')
    return {
      by,
      rows: await select(`SELECT c.* FROM customers c WHERE c.cif = :cif AND ${live}`, {
        cif: q.trim().toUpperCase(),
      }),
    };
  if (by === 'email')
    return {
      by,
      rows: await select(
        `SELECT c.* FROM customers c WHERE c.email_index = :index AND ${live} LIMIT :limit`,
        {
          index: cipher.index('email', q),
        },
      ),
    };
  if (by === 'identifier')
    return {
      by,
      rows: await select(
        `SELECT c.* FROM customers c WHERE c.nik_index = :nik AND ${live}
         UNION SELECT c.* FROM customers c WHERE c.phone_index = :phone AND ${live}
         UNION SELECT c.* FROM customers c JOIN customer_products p ON p.customer_id = c.id
           WHERE p.account_index = :account AND ${live}
         LIMIT :limit`,
        {
          nik: cipher.index('nik', q),
          phone: cipher.index('phone', q),
          account: cipher.index('accountNumber', q),
        },
      ),
    };
  const words = nameWords(q);
  if (words.length === 0) return { by, rows: [] };
  // The longest word narrows best; the others must prefix some word of the same name.
  const [lead, ...rest] = [...words].sort((a, b) => b.length - a.length) as [string, ...string[]];
  const others = rest.map(
    (_, i) =>
      `AND EXISTS (SELECT 1 FROM customer_name_words o WHERE o.customer_id = c.id AND o.word >= :lo${i} AND o.word < :hi${i})`,
  );
  const rows = await select(
    `SELECT c.* FROM customer_name_words w JOIN customers c ON c.id = w.customer_id
     WHERE w.word >= :lo AND w.word < :hi AND ${live} ${others.join(' ')}
     ORDER BY w.word, w.customer_id LIMIT :limit`,
    {
      lo: lead,
      hi: upperBound(lead),
      ...Object.fromEntries(
        rest.flatMap((word, i) => [
          [`lo${i}`, word],
          [`hi${i}`, upperBound(word)],
        ]),
      ),
    },
  );
  // A name with two words sharing the prefix (SITI SITORUS for "sit") comes once.
  const seen = new Set<string>();
  return { by, rows: rows.filter((row) => !seen.has(row.id) && seen.add(row.id)) };
}

/** The least string greater than every string starting with `prefix` (its words are A–Z0–9). */
function upperBound(prefix: string): string {
  return `${prefix}\u007f`;
}
