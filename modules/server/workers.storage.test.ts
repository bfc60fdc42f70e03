import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineWorker } from '../../engine/index.ts';
import { oneTask } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';
import type { PlatformModule } from './module.ts';
import { MODULES } from './modules.ts';
import type { WorkerContext } from './workers.ts';

/** Lets a test hold a handler inside its transaction until released. */
let gate: Promise<void> | undefined;
/** How many times the handler ran, per job. */
const calls = new Map<string, number>();

/** A module whose worker records each effect in a table, inside the job's transaction. */
const effects: PlatformModule = {
  name: 'test-effects',
  bootstrap: async ({ sequelize }) => {
    await sequelize.query(
      'CREATE TABLE IF NOT EXISTS test_effects (job_key VARCHAR(20) NOT NULL, amount INTEGER)',
    );
  },
  workers: ({ sequelize }) => [
    defineWorker<z.ZodType, WorkerContext>({
      type: 'test.book',
      variables: z.object({ amount: z.number().int().positive() }),
      handle: async (job, { transaction }) => {
        calls.set(job.key, (calls.get(job.key) ?? 0) + 1);
        await sequelize.query('INSERT INTO test_effects (job_key, amount) VALUES (:key, :amount)', {
          replacements: { key: job.key, amount: (job.variables as { amount: number }).amount },
          transaction,
        });
        await gate;
        return { booked: true };
      },
    }),
  ],
};

describe(`module workers: checked variables, exactly-once effects (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform({ modules: [...MODULES, effects] });
    await probe(p).deploy({ book: oneTask('book', 'test.book') });
  });
  afterAll(async () => {
    await p?.close();
  });

  const effectsOf = (key: string) =>
    p.platform.sequelize.query<{ amount: number }>('SELECT amount FROM test_effects WHERE job_key = :key', {
      replacements: { key },
      type: QueryTypes.SELECT,
    });
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
  };

  it('handles a job and completes it with the handler result', async () => {
    const result = await p.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'book',
      variables: { amount: 5 },
      requestTimeout: 20_000,
    });
    expect(result.variables).toMatchObject({ amount: 5, booked: true });
  });

  it('a job whose variables do not fit becomes an incident naming the field', async () => {
    const { processInstanceKey } = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'book',
      variables: { amount: 'lima' },
    });
    await until(async () => (await probe(p).incidents(processInstanceKey)).length > 0);
    const [incident] = await probe(p).incidents(processInstanceKey);
    expect(incident?.errorType).toBe('JOB_NO_RETRIES');
    expect(incident?.errorMessage).toMatch(/^test\.book at task: the job's variables do not fit: amount: /);
  });

  it('a job delivered again after its lock expired has its effects once', async () => {
    let release = () => {};
    gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { processInstanceKey } = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'book',
      variables: { amount: 7 },
    });
    // The first delivery holds its transaction; the lock expires and the job is delivered again.
    await new Promise((r) => setTimeout(r, 500));
    p.clock.advance(120_000);
    await new Promise((r) => setTimeout(r, 1_500));
    release();
    gate = undefined;
    await until(async () => (await probe(p).instanceState(processInstanceKey)) === 'COMPLETED');
    expect(await probe(p).instanceState(processInstanceKey)).toBe('COMPLETED');
    const [job] = await p.platform.sequelize.query<{ job_key: string }>(
      'SELECT job_key FROM test_effects WHERE amount = 7',
      { type: QueryTypes.SELECT },
    );
    const key = String(job?.job_key);
    expect(calls.get(key)).toBe(2);
    expect(await effectsOf(key)).toHaveLength(1);
  });
});
