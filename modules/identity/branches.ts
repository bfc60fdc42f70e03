import { QueryTypes, type Sequelize, type Transaction, UniqueConstraintError } from 'sequelize';
import type { AuditLog } from '../audit/types.ts';
import { IdentityError } from './errors.ts';
import type { BranchKind } from './roles.ts';
import type { BranchChangesInput, BranchDto, NewBranchInput } from './schema.ts';
import type { Actor } from './users.ts';

interface BranchRow {
  code: string;
  name: string;
  city: string;
  kind: BranchKind;
  active: number | string | boolean;
}

/** ` FOR UPDATE` where row locks exist (MariaDB); SQLite's writers are serialized already. */
export function forUpdate(sequelize: Sequelize): string {
  return sequelize.getDialect() === 'sqlite' ? '' : ' FOR UPDATE';
}

export async function activeBranchExists(
  sequelize: Sequelize,
  code: string,
  transaction?: Transaction,
): Promise<boolean> {
  const [row] = await sequelize.query<{ code: string }>(
    'SELECT code FROM identity_branches WHERE code = :code AND active = :active',
    { replacements: { code, active: 1 }, type: QueryTypes.SELECT, transaction },
  );
  return row !== undefined;
}

const toDto = (row: BranchRow): BranchDto => ({
  code: row.code,
  name: row.name,
  city: row.city,
  kind: row.kind,
  active: row.active === true || Number(row.active) === 1,
});

/** The bank's offices; a branch's kind decides its staff's customer scope (scope.ts). */
export class BranchAdministration {
  constructor(private readonly deps: { sequelize: Sequelize; audit: AuditLog }) {}

  async list(): Promise<BranchDto[]> {
    const rows = await this.deps.sequelize.query<BranchRow>(
      'SELECT code, name, city, kind, active FROM identity_branches ORDER BY code',
      { type: QueryTypes.SELECT },
    );
    return rows.map(toDto);
  }

  async create(input: NewBranchInput, by: Actor): Promise<BranchDto> {
    const { sequelize, audit } = this.deps;
    if (await this.find(input.code)) throw exists(input.code);
    try {
      await sequelize.transaction(async (transaction) => {
        await sequelize.query(
          `INSERT INTO identity_branches (code, name, city, kind, active)
           VALUES (:code, :name, :city, :kind, :active)`,
          { replacements: { ...input, active: 1 }, transaction },
        );
        const details = Object.fromEntries(
          (['name', 'city', 'kind'] as const).map((field) => [field, { from: null, to: input[field] }]),
        );
        await audit.record(event(by, 'branch.create', input.code, details), transaction);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw exists(input.code);
      throw error;
    }
    return this.load(input.code);
  }

  async update(code: string, changes: BranchChangesInput, by: Actor): Promise<BranchDto> {
    const { sequelize, audit } = this.deps;
    await sequelize.transaction(async (transaction) => {
      const before = await this.load(code, transaction);
      const after = { ...before, ...definedOnly(changes) };
      const details: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of ['name', 'city', 'kind', 'active'] as const)
        if (after[field] !== before[field]) details[field] = { from: before[field], to: after[field] };
      if (Object.keys(details).length === 0) return;
      await sequelize.query(
        'UPDATE identity_branches SET name = :name, city = :city, kind = :kind, active = :active WHERE code = :code',
        { replacements: { ...after, active: after.active ? 1 : 0 }, transaction },
      );
      await audit.record(event(by, 'branch.update', code, details), transaction);
    });
    return this.load(code);
  }

  private async find(code: string, transaction?: Transaction): Promise<BranchDto | undefined> {
    const lock = transaction ? forUpdate(this.deps.sequelize) : '';
    const [row] = await this.deps.sequelize.query<BranchRow>(
      `SELECT code, name, city, kind, active FROM identity_branches WHERE code = :code${lock}`,
      { replacements: { code }, type: QueryTypes.SELECT, transaction },
    );
    return row && toDto(row);
  }

  private async load(code: string, transaction?: Transaction): Promise<BranchDto> {
    const branch = await this.find(code, transaction);
    if (!branch) throw new IdentityError('BRANCH_NOT_FOUND', `No branch has the code '${code}'`);
    return branch;
  }
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const exists = (code: string) =>
  new IdentityError('BRANCH_EXISTS', `A branch with the code '${code}' exists already`);

function event(by: Actor, action: string, code: string, details: Record<string, unknown>) {
  return { actor: by.actor, source: by.source, action, entityType: 'branch', entityId: code, details };
}
