/** Where a database lives, parsed from a `DATABASE_URL`-style string. */
export type DatabaseTarget =
  | { dialect: 'sqlite'; url: string; storage: string }
  | {
      dialect: 'mysql';
      url: string;
      host: string;
      port: number;
      user: string;
      password: string;
      database: string;
    };

/**
 * Accepts `sqlite:path/to/file.sqlite`, `sqlite::memory:` and
 * `mysql://user:pass@host:3306/db` (`mariadb://` is a synonym).
 * Returns the parsed target, or a sentence saying what is wrong.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget | string {
  const value = url.trim();
  if (value.startsWith('sqlite:')) {
    const storage = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (storage === '') return 'expected a file after sqlite:, for example sqlite:data/crm.sqlite';
    return { dialect: 'sqlite', url: value, storage };
  }
  if (/^(mysql|mariadb):\/\//.test(value)) {
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      return 'is not a valid URL; expected mysql://user:password@host:3306/database';
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!parsed.hostname) return 'names no host; expected mysql://user:password@host:3306/database';
    if (!database || database.includes('/')) {
      return 'names no database; expected mysql://user:password@host:3306/database';
    }
    return {
      dialect: 'mysql',
      url: value,
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : 3306,
      user: decodeURIComponent(parsed.username || 'root'),
      password: decodeURIComponent(parsed.password),
      database,
    };
  }
  return 'expected sqlite:<file> or mysql://user:password@host:3306/database';
}

/** The URL with its password hidden, for logs and the health endpoint. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.dialect === 'sqlite') return target.url;
  return `mysql://${target.user}@${target.host}:${target.port}/${target.database}`;
}
