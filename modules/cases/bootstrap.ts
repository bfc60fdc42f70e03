import type { ModuleContext } from '../server/module.ts';
import { importDemoHistory, startDemoCases } from './demo-data.ts';
import type { CaseService } from './service.ts';
import { branchQueueCode, DEMO_QUEUE_STAFF } from './vocabulary.ts';

/**
 * Every start (replicas one at a time, platform.ts): each branch has its own queue (where "the nearest branch" routes; its tasks go
 * to the branch's staff). Demo mode: the demo users staff the queues, and an empty cases table
 * gets three months of history and, when the shipped processes run, a few live cases.
 */
export async function bootstrapCases(context: ModuleContext, service: CaseService): Promise<void> {
  const { sql } = service;
  const now = context.clock.now();
  const branches = await sql.rows<{ code: string; name: string }>(
    "SELECT code, name FROM identity_branches WHERE kind = 'branch'",
  );
  for (const branch of branches) {
    const code = branchQueueCode(branch.code);
    if (await service.configuration.queue(code)) continue;
    await sql.run(
      `INSERT INTO case_queues (code, name, name_en, candidate_group, strategy, branch_code, supervisor, active,
         updated_at, updated_by)
       VALUES (:code, :name, :nameEn, :group, 'least-loaded', :branch, NULL, :yes, :now, 'system')`,
      {
        code,
        name: `Antrean ${branch.name}`,
        nameEn: `${branch.name} queue`,
        group: branch.code,
        branch: branch.code,
        yes: true,
        now,
      },
    );
  }
  if (!context.config.demo) return;
  for (const [code, staff] of Object.entries(DEMO_QUEUE_STAFF)) {
    const queue = await service.configuration.queue(code);
    if (!queue || queue.members.length > 0 || queue.supervisor) continue;
    await sql.transaction(async (transaction) => {
      await service.configuration.setMembers(code, staff.members, transaction);
      await sql.run(
        'UPDATE case_queues SET supervisor = :supervisor WHERE code = :code',
        { code, supervisor: staff.supervisor },
        transaction,
      );
    });
  }
  // Tests start from no cases; they load the history themselves where they need it.
  if (context.config.nodeEnv === 'test') return;
  const [count] = await sql.rows<{ n: unknown }>('SELECT COUNT(*) AS n FROM cases');
  if (Number(count?.n ?? 0) > 0) return;
  const imported = await importDemoHistory(service, now);
  const live = context.shippedProcesses ? await startDemoCases(service) : 0;
  if (imported + live > 0) context.logger.info({ imported, live }, 'demo cases loaded');
}
