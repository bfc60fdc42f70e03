import { randomUUID } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { sqlOf } from '../server/sql.ts';
import type { Viewer } from './scope.ts';
import type { CustomerService } from './service.ts';

export interface Product {
  id: string;
  kind: string;
  productName: string;
  accountNumber: string | null;
  status: string;
  balance: number | null;
  openedAt: number;
  closedAt: number | null;
}

interface ProductRow {
  id: string;
  kind: string;
  product_name: string;
  account_sealed: string | null;
  status: string;
  balance: number | string | null;
  opened_at: number | string;
  closed_at: number | string | null;
}

/** The customer's products, account numbers in clear (masked on the way out). */
export async function listProducts(
  service: CustomerService,
  customerId: string,
  transaction?: Transaction,
  customerKey?: Buffer | null,
): Promise<Product[]> {
  const rows = await sqlOf(service.sequelize).rows<ProductRow>(
    `SELECT id, kind, product_name, account_sealed, status, balance, opened_at, closed_at
     FROM customer_products WHERE customer_id = :customerId ORDER BY opened_at, id`,
    { customerId },
    transaction,
  );
  const key =
    customerKey !== undefined
      ? customerKey
      : rows.length
        ? (await service.deps.subjectKeys.load([customerId], transaction)).get(customerId)
        : null;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    productName: row.product_name,
    accountNumber: service.cipher.open(key, 'account', row.id, row.account_sealed),
    status: row.status,
    balance: row.balance === null ? null : Number(row.balance),
    openedAt: Number(row.opened_at),
    closedAt: row.closed_at === null ? null : Number(row.closed_at),
  }));
}

export interface NewProduct {
  kind: string;
  productName: string;
  accountNumber: string;
  balance?: number | null;
  openedAt?: number;
}

/** Adds a product (core banking is the master; this records what it reports). */
export async function addProduct(
  service: CustomerService,
  customerId: string,
  input: NewProduct,
  viewer: Viewer,
  outer?: Transaction,
): Promise<Product> {
  const { sequelize, deps, cipher } = service;
  // `outer`: the caller's transaction to join (a job worker's), instead of one of its own.
  const within = <T>(work: (t: Transaction) => Promise<T>) =>
    outer ? work(outer) : sequelize.transaction(work);
  return within(async (transaction) => {
    await service.load(customerId, viewer, transaction);
    const id = randomUUID();
    const now = deps.clock.now();
    const key = (await deps.subjectKeys.keyFor(customerId, now, transaction)) as Buffer;
    const product = {
      id,
      kind: input.kind,
      productName: input.productName,
      accountNumber: input.accountNumber,
      status: 'active',
      balance: input.balance ?? null,
      openedAt: input.openedAt ?? now,
      closedAt: null,
    };
    await sequelize.query(
      `INSERT INTO customer_products (id, customer_id, kind, product_name, account_sealed, account_index, status, balance, opened_at)
       VALUES (:id, :customerId, :kind, :productName, :sealed, :index, 'active', :balance, :openedAt)`,
      {
        replacements: {
          ...product,
          customerId,
          sealed: cipher.seal(key, 'account', id, input.accountNumber),
          index: cipher.index('accountNumber', input.accountNumber),
        },
        transaction,
      },
    );
    await deps.audit.record(
      {
        actor: viewer.username,
        source: viewer.source,
        action: 'customer.product.add',
        entityType: 'customer',
        entityId: customerId,
        customerId,
        details: { productId: id, kind: input.kind, accountNumber: input.accountNumber },
      },
      transaction,
    );
    return product;
  });
}
