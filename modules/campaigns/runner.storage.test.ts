import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BpmnError } from '../../engine/index.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { campaignService } from './index.ts';
import { CampaignRunner } from './runner.ts';
import { customer, segment } from './test-kit.ts';

/**
 * The record-decision worker checks four eyes again, whatever reached it (DESIGN seam 8): a job
 * completed around the task list, or variables set by hand, cannot approve a maker's campaign.
 */
describe(`campaigns: the decision worker's own checks (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let runner: CampaignRunner;
  let id: string;
  beforeAll(async () => {
    p = await createPlatform();
    const service = campaignService(p.platform.context);
    runner = new CampaignRunner(service);
    await customer(p, { city: 'Sibolga' }, ['sms']);
    const segmentId = await segment(p, 'Sibolga', { cities: ['Sibolga'] });
    const draft = await service.create(
      {
        name: 'Uji pekerja',
        channel: 'sms',
        templateKey: 'promo.kartu-kredit',
        segmentId,
        data: { limit: 1_000_000, offerUrl: 'https://bank.example' },
        requireApproval: true,
        batchSize: 500,
      },
      { username: 'lead1', source: null },
    );
    id = draft.id;
    // As a submission leaves it (without the process: the worker is called directly here).
    await service.sql.run(
      `UPDATE campaigns SET status = 'PENDING_APPROVAL', submission = 1, maker = 'lead1', approval = 'compliance',
         rules = :rules WHERE id = :id`,
      { id, rules: JSON.stringify({ cities: ['Sibolga'] }) },
    );
  });
  afterAll(async () => {
    await p?.close();
  });

  const record = (variables: Partial<Parameters<CampaignRunner['recordDecision']>[0]>) =>
    p.platform.sequelize.transaction((transaction) =>
      runner.recordDecision(
        {
          campaignId: id,
          submission: 1,
          key: '2251799813685300',
          decision: 'approve',
          decidedBy: 'compliance1',
          submittedBy: 'lead1',
          ...variables,
        },
        transaction,
      ),
    );
  const refusal = async (variables: Parameters<typeof record>[0]) => {
    const error = await record(variables).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BpmnError);
    return error as BpmnError;
  };

  it('given decidedBy = submittedBy, it throws FOUR_EYES naming the rule and the user', async () => {
    const error = await refusal({ decidedBy: 'lead1' });
    expect(error.code).toBe('FOUR_EYES');
    expect(error.message).toMatch(/four eyes.*lead1/);
  });

  it('given forged variables (submittedBy someone else), the campaign’s own maker is still refused', async () => {
    expect((await refusal({ decidedBy: 'lead1', submittedBy: 'marketing1' })).code).toBe('FOUR_EYES');
  });

  it('given a decider without campaigns.approve, or a rejection without a comment, it throws DECISION_REFUSED', async () => {
    expect((await refusal({ decidedBy: 'marketing1' })).code).toBe('DECISION_REFUSED');
    expect((await refusal({ decision: 'reject', comment: '  ' })).code).toBe('DECISION_REFUSED');
    expect((await campaignService(p.platform.context).get(id)).status).toBe('PENDING_APPROVAL');
  });

  it('given compliance1, the campaign is approved and the decision audited under compliance1', async () => {
    expect(await record({ comment: 'OK' })).toEqual({ approved: true });
    const campaign = await campaignService(p.platform.context).get(id);
    expect(campaign).toMatchObject({ status: 'APPROVED', checker: 'compliance1', comment: 'OK' });
    const trail = await p
      .as('compliance1')
      .get<{ items: { action: string; actor: string }[] }>(`/api/audit/entries?entityId=${id}&limit=50`);
    expect(trail.body.items.map((e) => `${e.action}:${e.actor}`)).toContain('campaign.approve:compliance1');
  });
});
