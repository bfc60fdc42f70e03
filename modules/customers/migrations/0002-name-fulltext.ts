import type { QueryInterface } from 'sequelize';

/**
 * MySQL/MariaDB: a full-text index on names, so a search by several word prefixes ("sit nas")
 * reads only the names holding all of them (measured at a million customers: 0.3 s through
 * the word table, 10–30 ms through this index). SQLite keeps the word table alone.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  if (qi.sequelize.getDialect() === 'sqlite') return;
  await qi.sequelize.query('ALTER TABLE customers ADD FULLTEXT INDEX customers_name_fulltext (full_name)');
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  if (qi.sequelize.getDialect() === 'sqlite') return;
  await qi.sequelize.query('ALTER TABLE customers DROP INDEX customers_name_fulltext');
}
