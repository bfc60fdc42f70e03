import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTask } from '../../tests/fixtures/bpmn/build.ts';
import { dmnFixture } from '../../tests/fixtures/dmn/read.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';

const INVALID_ARGUMENT = 3;

/** One entry of a DeployResourceResponse, whatever its kind (the SDK types each kind apart). */
interface Entry {
  Metadata?: string;
  process?: { version: number; processDefinitionKey: string; resourceName: string };
  decision?: { dmnDecisionId: string; version: number; decisionKey: string; decisionRequirementsKey: string };
  decisionRequirements?: { version: number; decisionRequirementsKey: string; resourceName: string };
  form?: { resourceName: string };
}

async function deployed(response: Promise<{ key: string; deployments: unknown[] }>) {
  const { key, deployments } = await response;
  return { key, deployments: deployments as Entry[] };
}

/** The SDK's response type lacks decisionInstanceKey, which zeebe.proto has (field 12). */
type Evaluated = Awaited<ReturnType<TestPlatform['zeebe']['evaluateDecision']>> & {
  decisionInstanceKey: string;
};
const KEY = /^\d{16}$/;

/** The routing DMN with the fraud desk's SLA changed: a new version of the DRG. */
const routingV2 = dmnFixture('complaint-routing').replace(
  '<outputEntry id="LiteralExpression_fraud_sla"><text>4</text>',
  '<outputEntry id="LiteralExpression_fraud_sla"><text>2</text>',
);

describe(`DMN deployments and EvaluateDecision (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
  });
  afterAll(() => p.close());

  const deployDmn = (name: string, xml: string) =>
    deployed(p.zeebe.deployResource({ name, decision: Buffer.from(xml) }));
  const deployAll = (resources: Parameters<typeof p.zeebe.deployResources>[0]) =>
    deployed(p.zeebe.deployResources(resources));

  describe('DeployResource with DMN', () => {
    it('given a DRG with two decisions, deploys version 1 of each and lists decisions before the DRG', async () => {
      const result = await deployDmn('complaint-routing.dmn', dmnFixture('complaint-routing'));
      const [routing, handling, drg] = result.deployments;
      expect(result.deployments).toHaveLength(3);
      const drgKey = drg?.decisionRequirements?.decisionRequirementsKey;
      expect(drg?.decisionRequirements).toEqual({
        dmnDecisionRequirementsId: 'complaint-routing',
        dmnDecisionRequirementsName: 'Complaint routing',
        version: 1,
        decisionRequirementsKey: expect.stringMatching(KEY),
        resourceName: 'complaint-routing.dmn',
        tenantId: '<default>',
      });
      expect(routing?.decision).toEqual({
        dmnDecisionId: 'complaintRouting',
        dmnDecisionName: 'Route complaint',
        version: 1,
        decisionKey: expect.stringMatching(KEY),
        dmnDecisionRequirementsId: 'complaint-routing',
        decisionRequirementsKey: drgKey,
        tenantId: '<default>',
      });
      expect(handling?.decision).toMatchObject({
        dmnDecisionId: 'complaintHandling',
        dmnDecisionName: 'Complaint handling',
        version: 1,
        decisionRequirementsKey: drgKey,
      });
      expect(new Set([routing?.decision?.decisionKey, handling?.decision?.decisionKey, drgKey]).size).toBe(3);
    });

    it('given the same DMN under the same name, keeps every version and key', async () => {
      const first = await deployDmn('fee-waiver.dmn', dmnFixture('fee-waiver'));
      const again = await deployDmn('fee-waiver.dmn', dmnFixture('fee-waiver'));
      expect(again.deployments).toEqual(first.deployments);
      expect(again.key).not.toBe(first.key);
    });

    it('given a changed DRG, gives it and every decision in it a new version and key', async () => {
      const v1 = await deployDmn('complaint-routing.dmn', dmnFixture('complaint-routing'));
      const v2 = await deployDmn('complaint-routing.dmn', routingV2);
      const versions = v2.deployments.map((d) => d.decision?.version ?? d.decisionRequirements?.version);
      expect(versions).toEqual([2, 2, 2]);
      const keysV1 = v1.deployments.map(
        (d) => d.decision?.decisionKey ?? d.decisionRequirements?.decisionRequirementsKey,
      );
      const keysV2 = v2.deployments.map(
        (d) => d.decision?.decisionKey ?? d.decisionRequirements?.decisionRequirementsKey,
      );
      for (const key of keysV2) expect(keysV1).not.toContain(key);
      expect(v2.deployments[0]?.decision?.decisionRequirementsKey).toBe(keysV2[2]);
    });

    it('given the same DMN under another name, makes a new version', async () => {
      const renamed = await deployDmn('routing-renamed.dmn', routingV2);
      expect(renamed.deployments.map((d) => d.decision?.version ?? d.decisionRequirements?.version)).toEqual([
        3, 3, 3,
      ]);
    });

    it('given an unchanged DMN deployed with a changed process, versions both together (Zeebe 8.6+)', async () => {
      const dmn = { name: 'risk-score.dmn', decision: Buffer.from(dmnFixture('risk-score')) };
      const first = await deployAll([
        { name: 'kyc.bpmn', process: Buffer.from(oneTask('kyc', 'crm.onboarding.check')) },
        dmn,
      ]);
      expect(
        first.deployments.map(
          (d) => d.process?.version ?? d.decision?.version ?? d.decisionRequirements?.version,
        ),
      ).toEqual([1, 1, 1]);
      const unchanged = await deployAll([
        { name: 'kyc.bpmn', process: Buffer.from(oneTask('kyc', 'crm.onboarding.check')) },
        dmn,
      ]);
      expect(unchanged.deployments).toEqual(first.deployments);
      const changed = await deployAll([
        { name: 'kyc.bpmn', process: Buffer.from(oneTask('kyc', 'crm.onboarding.verify')) },
        dmn,
      ]);
      expect(
        changed.deployments.map(
          (d) => d.process?.version ?? d.decision?.version ?? d.decisionRequirements?.version,
        ),
      ).toEqual([2, 2, 2]);
      expect(changed.deployments[1]?.decision?.decisionKey).not.toBe(
        first.deployments[1]?.decision?.decisionKey,
      );
    });

    it('given a form, a DMN and a process in one deployment, lists processes, decisions, DRGs, then forms', async () => {
      const result = await deployAll([
        { name: 'callback.form', form: Buffer.from('{"id": "customer-callback", "components": []}') },
        {
          name: 'waiver-rules.dmn',
          decision: Buffer.from(
            dmnFixture('fee-waiver')
              .replace('id="fee-waiver"', 'id="waiver-rules"')
              .replace('id="feeWaiver"', 'id="waiverX"'),
          ),
        },
        { name: 'callback.bpmn', process: Buffer.from(oneTask('callback', 'crm.cases.callback')) },
      ]);
      expect(result.deployments.map((d) => d.Metadata)).toEqual([
        'process',
        'decision',
        'decisionRequirements',
        'form',
      ]);
      expect(
        result.deployments.map(
          (d) =>
            d.process?.resourceName ??
            d.decisionRequirements?.resourceName ??
            d.form?.resourceName ??
            d.decision?.dmnDecisionId,
        ),
      ).toEqual(['callback.bpmn', 'waiverX', 'waiver-rules.dmn', 'callback.form']);
    });

    it('given a rule with invalid FEEL, rejects naming the resource and the rule', async () => {
      const broken = dmnFixture('fee-waiver').replace('<text>&gt;= 60</text>', '<text>&gt;= </text>');
      await expect(deployDmn('broken-waiver.dmn', broken)).rejects.toMatchObject({
        code: INVALID_ARGUMENT,
        details: expect.stringMatching(/'broken-waiver\.dmn': Element 'Rule_loyal':/),
      });
    });

    it('given unparsable XML, rejects naming the resource', async () => {
      await expect(deployDmn('broken.dmn', '<definitions')).rejects.toMatchObject({
        code: INVALID_ARGUMENT,
        details: expect.stringContaining("'broken.dmn': unparsable DMN"),
      });
    });

    it('given one DRG id or decision id twice in a deployment, rejects it with Zeebe’s message', async () => {
      const copy = dmnFixture('fee-waiver').replace('id="fee-waiver"', 'id="fee-waiver-copy"');
      await expect(
        p.zeebe.deployResources([
          { name: 'a.dmn', decision: Buffer.from(dmnFixture('fee-waiver')) },
          { name: 'b.dmn', decision: Buffer.from(dmnFixture('fee-waiver')) },
          { name: 'c.dmn', decision: Buffer.from(copy) },
        ]),
      ).rejects.toMatchObject({
        code: INVALID_ARGUMENT,
        details: expect.stringContaining(
          "Expected the decision requirements ids to be unique within a deployment but found a duplicated id 'fee-waiver' in the resources 'a.dmn' and 'b.dmn'.",
        ),
      });
      await expect(
        p.zeebe.deployResources([
          { name: 'a.dmn', decision: Buffer.from(dmnFixture('fee-waiver')) },
          { name: 'c.dmn', decision: Buffer.from(copy) },
        ]),
      ).rejects.toMatchObject({
        details: expect.stringContaining(
          "Expected the decision ids to be unique within a deployment but found a duplicated id 'feeWaiver' in the resources 'a.dmn' and 'c.dmn'.",
        ),
      });
    });
  });

  describe('EvaluateDecision', () => {
    it('evaluates the latest version by id: required decisions first, with their inputs and matched rules', async () => {
      const result = await p.zeebe.evaluateDecision({
        decisionId: 'complaintHandling',
        variables: { category: 'atm', channel: 'mobile', amountIdr: 7_500_000 },
      });
      expect(result).toMatchObject({
        decisionId: 'complaintHandling',
        decisionName: 'Complaint handling',
        decisionVersion: 3,
        decisionRequirementsId: 'complaint-routing',
        decisionKey: expect.stringMatching(KEY),
        decisionRequirementsKey: expect.stringMatching(KEY),
        decisionInstanceKey: expect.stringMatching(KEY),
        tenantId: '<default>',
        failedDecisionId: '',
        failureMessage: '',
      });
      expect(JSON.parse(result.decisionOutput)).toEqual({
        queue: 'atm-disputes-priority',
        slaHours: 24,
        escalate: false,
      });
      const [routing, handling] = result.evaluatedDecisions;
      expect(result.evaluatedDecisions).toHaveLength(2);
      expect(routing).toMatchObject({
        decisionId: 'complaintRouting',
        decisionName: 'Route complaint',
        decisionVersion: 3,
        decisionType: 'DECISION_TABLE',
        decisionKey: expect.stringMatching(KEY),
        tenantId: '<default>',
      });
      expect(JSON.parse(routing?.decisionOutput ?? '')).toEqual({
        queue: 'atm-disputes-priority',
        slaHours: 24,
      });
      expect(routing?.evaluatedInputs).toEqual([
        { inputId: 'Input_category', inputName: 'Category', inputValue: '"atm"' },
        { inputId: 'Input_channel', inputName: 'Channel', inputValue: '"mobile"' },
        { inputId: 'Input_amount', inputName: 'Disputed amount (IDR)', inputValue: '7500000' },
      ]);
      expect(routing?.matchedRules).toEqual([
        {
          ruleId: 'Rule_atm_large',
          ruleIndex: 2,
          evaluatedOutputs: [
            { outputId: 'Output_queue', outputName: 'queue', outputValue: '"atm-disputes-priority"' },
            { outputId: 'Output_sla', outputName: 'slaHours', outputValue: '24' },
          ],
        },
      ]);
      expect(handling).toMatchObject({
        decisionId: 'complaintHandling',
        decisionType: 'LITERAL_EXPRESSION',
        decisionKey: result.decisionKey,
        evaluatedInputs: [],
        matchedRules: [],
      });
    });

    it('evaluates an older version by key, and an id wins over a key', async () => {
      const v1 = await deployDmn('complaint-routing.dmn', dmnFixture('complaint-routing'));
      const v1Key = v1.deployments[0]?.decision?.decisionKey as string;
      expect(v1.deployments[0]?.decision?.version).toBe(4);
      const latest = await deployDmn('complaint-routing.dmn', routingV2);
      const byKey = (await p.zeebe.evaluateDecision({
        decisionKey: v1Key,
        variables: { category: 'fraud', channel: 'branch' },
      })) as Evaluated;
      expect(byKey).toMatchObject({
        decisionKey: v1Key,
        decisionVersion: 4,
        decisionOutput: '{"queue":"fraud-desk","slaHours":4}',
      });
      const both = (await p.zeebe.evaluateDecision({
        decisionId: 'complaintRouting',
        decisionKey: v1Key,
        variables: { category: 'fraud', channel: 'branch' },
      })) as Evaluated;
      expect(both).toMatchObject({
        decisionKey: latest.deployments[0]?.decision?.decisionKey,
        decisionVersion: 5,
        decisionOutput: '{"queue":"fraud-desk","slaHours":2}',
      });
      expect(both.decisionInstanceKey).not.toBe(byKey.decisionInstanceKey);
    });

    it('sums a COLLECT+SUM risk score; no matching rule gives null', async () => {
      const risky = await p.zeebe.evaluateDecision({
        decisionId: 'customerRiskScore',
        variables: {
          isPep: true,
          occupation: 'gold-trader',
          monthlyTurnoverIdr: 250_000_000,
          hasCrossBorderTransfers: true,
        },
      });
      expect(risky.decisionOutput).toBe('85');
      expect(risky.evaluatedDecisions[0]?.matchedRules.map((rule) => [rule.ruleId, rule.ruleIndex])).toEqual([
        ['Rule_pep', 1],
        ['Rule_cash_business', 2],
        ['Rule_cross_border', 4],
      ]);
      const plain = await p.zeebe.evaluateDecision({
        decisionId: 'customerRiskScore',
        variables: {
          isPep: false,
          occupation: 'teacher',
          monthlyTurnoverIdr: 8_000_000,
          hasCrossBorderTransfers: false,
        },
      });
      expect(plain.decisionOutput).toBe('null');
      expect(plain.evaluatedDecisions[0]?.matchedRules).toEqual([]);
    });

    it('given an evaluation that fails, answers OK naming the failed decision and why', async () => {
      const result = await p.zeebe.evaluateDecision({
        decisionId: 'feeWaiver',
        variables: { segment: 'priority', monthsAsCustomer: 72 },
      });
      expect(result).toMatchObject({
        decisionId: 'feeWaiver',
        decisionVersion: 1,
        decisionOutput: '',
        failedDecisionId: 'feeWaiver',
        failureMessage: expect.stringContaining(
          "Expected to evaluate decision 'feeWaiver', but multiple values aren't allowed for UNIQUE hit policy",
        ),
      });
    });

    it('given a dependant decision that fails, lists the required decisions evaluated before it', async () => {
      const strict = dmnFixture('complaint-routing')
        .replace('id="complaint-routing"', 'id="complaint-routing-strict"')
        .replace('id="complaintHandling"', 'id="strictHandling"')
        .replace(
          /<text>\{queue: complaintRouting\.queue.*<\/text>/,
          '<text>assert(complaintRouting, complaintRouting.slaHours &gt; 4, "SLA below the 4-hour minimum")</text>',
        );
      // Its routing decision clashes with the one deployed above: it needs its own id too.
      const xml = strict.replace(/complaintRouting/g, 'strictRouting');
      await deployDmn('complaint-routing-strict.dmn', xml);
      const result = await p.zeebe.evaluateDecision({
        decisionId: 'strictHandling',
        variables: { category: 'fraud', channel: 'web' },
      });
      expect(result).toMatchObject({
        decisionId: 'strictHandling',
        decisionOutput: '',
        failedDecisionId: 'strictHandling',
        failureMessage: expect.stringMatching(
          /^Expected to evaluate decision 'strictHandling', but .*SLA below the 4-hour minimum/,
        ),
      });
      expect(result.evaluatedDecisions).toMatchObject([
        {
          decisionId: 'strictRouting',
          decisionVersion: 1,
          decisionOutput: '{"queue":"fraud-desk","slaHours":4}',
          matchedRules: [{ ruleId: 'Rule_fraud', ruleIndex: 1 }],
        },
      ]);
    });

    it('given an unknown id, or neither id nor key, rejects with INVALID_ARGUMENT', async () => {
      await expect(
        p.zeebe.evaluateDecision({ decisionId: 'loanPricing', variables: {} }),
      ).rejects.toMatchObject({
        code: INVALID_ARGUMENT,
        details:
          "Command 'EVALUATE' rejected with code 'INVALID_ARGUMENT': Expected to evaluate decision 'loanPricing', but no decision found for id 'loanPricing'",
      });
      await expect(p.zeebe.evaluateDecision({ variables: {} } as never)).rejects.toMatchObject({
        code: INVALID_ARGUMENT,
        details: expect.stringContaining("no decision found for key '0'"),
      });
    });

    it('given variables that are not a JSON object, rejects with INVALID_ARGUMENT', async () => {
      await expect(
        p.zeebe.evaluateDecision({ decisionId: 'feeWaiver', variables: [1, 2] as never }),
      ).rejects.toMatchObject({ code: INVALID_ARGUMENT });
    });
  });
});
