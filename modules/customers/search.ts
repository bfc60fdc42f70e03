import { sqlOf } from '../server/sql.ts';
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
 * phone, e-mail and account number; names by word prefixes (any order): within a portfolio
 * on its own index, on MySQL/MariaDB through the full-text index of names, on SQLite through
 * customer_name_words in index order.
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
    sqlOf(sequelize).rows<CustomerRow>(sql, { ...replacements, ...scope.replacements, limit });
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
  const prefixes = (alias: string) =>
    words.map(
      (_, i) =>
        `EXISTS (SELECT 1 FROM customer_name_words ${alias}${i} WHERE ${alias}${i}.customer_id = c.id AND ${alias}${i}.word >= :lo${i} AND ${alias}${i}.word < :hi${i})`,
    );
  const bounds = Object.fromEntries(
    words.flatMap((word, i) => [
      [`lo${i}`, word],
      [`hi${i}`, upperBound(word)],
    ]),
  );
  // A portfolio is small: walk it on its index and check the words of each name.
  if (viewer.scope.kind === 'portfolio')
    return {
      by,
      rows: await select(
        `SELECT c.* FROM customers c WHERE ${live} AND ${prefixes('o').join(' AND ')}
         ORDER BY c.full_name LIMIT :limit`,
        bounds,
      ),
    };
  // MySQL/MariaDB: the full-text index finds names holding every word prefix at once. It
  // holds no word under three letters (innodb_ft_min_token_size): "Ni", "Br" are checked in the
  // word table, and a query of only such words takes the word-table path below.
  const indexed = words.filter((word) => word.length >= 3);
  if (sequelize.getDialect() !== 'sqlite' && indexed.length > 0) {
    const short = words.flatMap((word, i) => (word.length < 3 ? [prefixes('o')[i]] : []));
    return {
      by,
      rows: await select(
        `SELECT c.* FROM customers c
         WHERE MATCH(c.full_name) AGAINST(:terms IN BOOLEAN MODE) AND ${live}
         ${short.map((condition) => `AND ${condition}`).join(' ')} LIMIT :limit`,
        { ...bounds, terms: indexed.map((word) => `+${word}*`).join(' ') },
      ),
    };
  }
  // The word table: the longest word's prefix range drives; the other words must prefix a word too.
  const lead = words.reduce((a, b) => (b.length > a.length ? b : a));
  const rows = await select(
    `SELECT c.* FROM customer_name_words w JOIN customers c ON c.id = w.customer_id
     WHERE w.word >= :lead AND w.word < :leadEnd AND ${live} AND ${prefixes('o').join(' AND ')}
     ORDER BY w.word, w.customer_id LIMIT :limit`,
    { ...bounds, lead, leadEnd: upperBound(lead) },
  );
  // A name with two words sharing the prefix (SITI SITORUS for "sit") comes once.
  const seen = new Set<string>();
  return { by, rows: rows.filter((row) => !seen.has(row.id) && seen.add(row.id)) };
}

/** The least string greater than every string starting with `prefix` (its words are A–Z0–9). */
function upperBound(prefix: string): string {
  return `${prefix}\u007f`;
}
