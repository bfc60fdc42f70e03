import type { Transaction } from 'sequelize';
import type { Sql } from '../server/sql.ts';
import type { AssignmentStrategy, SlaUnit } from './vocabulary.ts';

export interface Queue {
  code: string;
  name: string;
  nameEn: string;
  candidateGroup: string;
  strategy: AssignmentStrategy;
  branchCode: string | null;
  supervisor: string | null;
  active: boolean;
  members: string[];
}

export interface SlaPolicy {
  code: string;
  name: string;
  amount: number;
  unit: SlaUnit;
}

export interface Category {
  code: string;
  name: string;
  nameEn: string;
  active: boolean;
}

interface QueueRow {
  code: string;
  name: string;
  name_en: string;
  candidate_group: string;
  strategy: string;
  branch_code: string | null;
  supervisor: string | null;
  active: unknown;
}

const queueOf = (row: QueueRow, members: string[]): Queue => ({
  code: row.code,
  name: row.name,
  nameEn: row.name_en,
  candidateGroup: row.candidate_group,
  strategy: row.strategy as AssignmentStrategy,
  branchCode: row.branch_code,
  supervisor: row.supervisor,
  active: Boolean(Number(row.active)),
  members,
});

/** The configuration tables: queues with members, SLA policies, categories. */
export class Configuration {
  constructor(readonly sql: Sql) {}

  async queues(transaction?: Transaction): Promise<Queue[]> {
    const rows = await this.sql.rows<QueueRow>('SELECT * FROM case_queues ORDER BY code', {}, transaction);
    const members = await this.sql.rows<{ queue_code: string; username: string }>(
      'SELECT queue_code, username FROM case_queue_members ORDER BY username',
      {},
      transaction,
    );
    return rows.map((row) =>
      queueOf(
        row,
        members.filter((m) => m.queue_code === row.code).map((m) => m.username),
      ),
    );
  }

  async queue(code: string, transaction?: Transaction): Promise<Queue | undefined> {
    const [row] = await this.sql.rows<QueueRow>(
      'SELECT * FROM case_queues WHERE code = :code',
      { code },
      transaction,
    );
    if (!row) return undefined;
    const members = await this.sql.rows<{ username: string }>(
      'SELECT username FROM case_queue_members WHERE queue_code = :code ORDER BY username',
      { code },
      transaction,
    );
    return queueOf(
      row,
      members.map((m) => m.username),
    );
  }

  async branchQueue(branchCode: string, transaction?: Transaction): Promise<Queue | undefined> {
    const [row] = await this.sql.rows<{ code: string }>(
      'SELECT code FROM case_queues WHERE branch_code = :branchCode AND active = :yes ORDER BY code LIMIT 1',
      { branchCode, yes: true },
      transaction,
    );
    return row ? this.queue(row.code, transaction) : undefined;
  }

  async saveQueue(
    queue: Omit<Queue, 'members'>,
    actor: string,
    at: number,
    mode: 'insert' | 'update',
    transaction: Transaction,
  ): Promise<boolean> {
    const params = {
      code: queue.code,
      name: queue.name,
      nameEn: queue.nameEn,
      candidateGroup: queue.candidateGroup,
      strategy: queue.strategy,
      branchCode: queue.branchCode,
      supervisor: queue.supervisor,
      active: queue.active,
      at,
      actor,
    };
    if (mode === 'insert') {
      await this.sql.run(
        `INSERT INTO case_queues (code, name, name_en, candidate_group, strategy, branch_code, supervisor, active,
           updated_at, updated_by)
         VALUES (:code, :name, :nameEn, :candidateGroup, :strategy, :branchCode, :supervisor, :active, :at, :actor)`,
        params,
        transaction,
      );
      return true;
    }
    const { affected } = await this.sql.run(
      `UPDATE case_queues SET name = :name, name_en = :nameEn, candidate_group = :candidateGroup,
         strategy = :strategy, branch_code = :branchCode, supervisor = :supervisor, active = :active,
         updated_at = :at, updated_by = :actor WHERE code = :code`,
      params,
      transaction,
    );
    return affected === 1;
  }

  async setMembers(code: string, usernames: string[], transaction: Transaction): Promise<void> {
    await this.sql.run('DELETE FROM case_queue_members WHERE queue_code = :code', { code }, transaction);
    for (const username of [...new Set(usernames)])
      await this.sql.run(
        'INSERT INTO case_queue_members (queue_code, username) VALUES (:code, :username)',
        { code, username },
        transaction,
      );
  }

  async policies(transaction?: Transaction): Promise<SlaPolicy[]> {
    const rows = await this.sql.rows<{ code: string; name: string; amount: unknown; unit: string }>(
      'SELECT code, name, amount, unit FROM case_sla_policies ORDER BY code',
      {},
      transaction,
    );
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      amount: Number(r.amount),
      unit: r.unit as SlaUnit,
    }));
  }

  async policy(code: string, transaction?: Transaction): Promise<SlaPolicy | undefined> {
    return (await this.policies(transaction)).find((p) => p.code === code);
  }

  async savePolicy(
    policy: SlaPolicy,
    actor: string,
    at: number,
    mode: 'insert' | 'update',
    transaction: Transaction,
  ): Promise<boolean> {
    const params = { ...policy, at, actor };
    if (mode === 'insert') {
      await this.sql.run(
        `INSERT INTO case_sla_policies (code, name, amount, unit, updated_at, updated_by)
         VALUES (:code, :name, :amount, :unit, :at, :actor)`,
        params,
        transaction,
      );
      return true;
    }
    const { affected } = await this.sql.run(
      `UPDATE case_sla_policies SET name = :name, amount = :amount, unit = :unit, updated_at = :at,
         updated_by = :actor WHERE code = :code`,
      params,
      transaction,
    );
    return affected === 1;
  }

  async categories(transaction?: Transaction): Promise<Category[]> {
    const rows = await this.sql.rows<{ code: string; name: string; name_en: string; active: unknown }>(
      'SELECT code, name, name_en, active FROM case_categories ORDER BY code',
      {},
      transaction,
    );
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      nameEn: r.name_en,
      active: Boolean(Number(r.active)),
    }));
  }
}
