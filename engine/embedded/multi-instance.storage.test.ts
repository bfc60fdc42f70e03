import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, flows, task } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';

const loop = (attributes: string, sequential = false, condition = '') =>
  `<bpmn:multiInstanceLoopCharacteristics isSequential="${sequential}">
     <bpmn:extensionElements><zeebe:loopCharacteristics ${attributes} /></bpmn:extensionElements>
     ${condition ? `<bpmn:completionCondition>${condition}</bpmn:completionCondition>` : ''}
   </bpmn:multiInstanceLoopCharacteristics>`;
const loopTask = (id: string, type: string, characteristics: string) =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements>${characteristics}</bpmn:serviceTask>`;

/** Check the balance of every account of a customer at once; the results keep the accounts' order. */
const balances = bpmn(
  'balances',
  `<bpmn:startEvent id="start" />
   ${loopTask('check', 'mi.balance', loop('inputCollection="=accounts" inputElement="account" outputCollection="balances" outputElement="=balance"'))}
   ${task('report', 'mi.report')}
   <bpmn:endEvent id="end" />${flows('start>check', 'check>report', 'report>end')}`,
);

/** Contact guarantors one after another. */
const guarantors = bpmn(
  'guarantors',
  `<bpmn:startEvent id="start" />
   ${loopTask('call', 'mi.call', loop('inputCollection="=guarantors" inputElement="guarantor"', true))}
   <bpmn:endEvent id="end" />${flows('start>call', 'call>end')}`,
);

/** Three reviewers; two approvals are enough. */
const committee = bpmn(
  'committee',
  `<bpmn:startEvent id="start" />
   ${loopTask('review', 'mi.review', loop('inputCollection="=reviewers" inputElement="reviewer" outputCollection="votes" outputElement="=vote"', false, '=numberOfCompletedInstances &gt;= 2'))}
   <bpmn:endEvent id="end" />${flows('start>review', 'review>end')}`,
);

/** A sub-process per branch, each with its own task inside. */
const branches = bpmn(
  'branches',
  `<bpmn:startEvent id="start" />
   <bpmn:subProcess id="per_branch">
     ${loop('inputCollection="=branchCodes" inputElement="branch" outputCollection="reports" outputElement="=report"')}
     <bpmn:startEvent id="b_start" />${task('audit', 'mi.audit')}<bpmn:endEvent id="b_end" />
     ${flows('b_start>audit', 'audit>b_end')}
   </bpmn:subProcess>
   <bpmn:endEvent id="end" />${flows('start>per_branch', 'per_branch>end')}`,
);

describe(`multi-instance (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let engine: ReturnType<typeof probe>;
  beforeAll(async () => {
    p = await createPlatform();
    engine = probe(p);
    await engine.deploy({ balances, guarantors, committee, branches });
  });
  afterAll(() => p.close());

  const start = async (bpmnProcessId: string, variables: Record<string, unknown>) =>
    (await p.zeebe.createProcessInstance({ bpmnProcessId, variables: variables as never }))
      .processInstanceKey;

  it('parallel: one inner instance per item at once; the output collection keeps input order', async () => {
    const key = await start('balances', { accounts: ['001-TAB', '002-GIRO', '003-DEP'] });
    const jobs = await engine.jobs('mi.balance', key);
    expect(jobs.map((job) => [job.variables.loopCounter, job.variables.account])).toEqual([
      [1, '001-TAB'],
      [2, '002-GIRO'],
      [3, '003-DEP'],
    ]);
    for (const job of [...jobs].reverse())
      await p.zeebe.completeJob({
        jobKey: job.key,
        variables: { balance: `saldo ${job.variables.account}` },
      });
    const [report] = await engine.jobs('mi.report', key);
    expect(report?.variables.balances).toEqual(['saldo 001-TAB', 'saldo 002-GIRO', 'saldo 003-DEP']);
    expect(report?.variables).not.toHaveProperty('account');
    expect(report?.variables).not.toHaveProperty('loopCounter');
  });

  it('sequential: the next item starts when the previous one is done', async () => {
    const key = await start('guarantors', { guarantors: ['Budi', 'Ani'] });
    const [first] = await engine.jobs('mi.call', key);
    expect(first?.variables).toMatchObject({ guarantor: 'Budi', loopCounter: 1 });
    expect(await engine.jobs('mi.call', key)).toEqual([]);
    await p.zeebe.completeJob({ jobKey: first?.key as string, variables: {} });
    const [second] = await engine.jobs('mi.call', key);
    expect(second?.variables).toMatchObject({ guarantor: 'Ani', loopCounter: 2 });
    await p.zeebe.completeJob({ jobKey: second?.key as string, variables: {} });
    expect(await engine.instanceState(key)).toBe('COMPLETED');
  });

  it('the completion condition ends the remaining instances', async () => {
    const key = await start('committee', { reviewers: ['lead1', 'compliance1', 'spv1'] });
    const jobs = await engine.jobs('mi.review', key);
    await p.zeebe.completeJob({ jobKey: jobs[2]?.key as string, variables: { vote: 'approve' } });
    expect(await engine.instanceState(key)).toBe('ACTIVE');
    await p.zeebe.completeJob({ jobKey: jobs[0]?.key as string, variables: { vote: 'approve' } });
    expect(await engine.instanceState(key)).toBe('COMPLETED');
    expect(await engine.variables(key)).toMatchObject({ votes: ['approve', null, 'approve'] });
    expect((await engine.trail(key)).filter((entry) => entry.startsWith('review:'))).toEqual([
      'review:COMPLETED',
      'review:COMPLETED',
      'review:TERMINATED',
      'review:COMPLETED',
    ]);
  });

  it('an empty collection completes at once with an empty output; a non-list is an incident', async () => {
    const empty = await start('balances', { accounts: [] });
    const [report] = await engine.jobs('mi.report', empty);
    expect(report?.variables.balances).toEqual([]);
    const wrong = await start('balances', { accounts: '001-TAB' });
    expect(await engine.incidents(wrong)).toMatchObject([
      {
        errorType: 'EXTRACT_VALUE_ERROR',
        elementId: 'check',
        errorMessage: "Expected result of the expression 'accounts' to be 'ARRAY', but was 'STRING'.",
      },
    ]);
  });

  it('a multi-instance sub-process runs its inside once per item', async () => {
    const key = await start('branches', { branchCodes: ['JKT01', 'BDG02'] });
    const jobs = await engine.jobs('mi.audit', key);
    expect(jobs.map((job) => job.variables.branch)).toEqual(['JKT01', 'BDG02']);
    for (const job of jobs)
      await p.zeebe.completeJob({ jobKey: job.key, variables: { report: `audit ${job.variables.branch}` } });
    expect(await engine.instanceState(key)).toBe('COMPLETED');
    expect(await engine.variables(key)).toMatchObject({ reports: ['audit JKT01', 'audit BDG02'] });
  });
});
