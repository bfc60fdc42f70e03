import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { definitions, literalDecision, tableDecision } from './fixtures/build.ts';
import { type DecisionRequirementsGraph, evaluateDecision, parseDmn } from './index.ts';

const NOW = Date.UTC(2025, 0, 15, 9, 30);

async function load(file: string): Promise<DecisionRequirementsGraph> {
  const { drg, problems } = await parseDmn(
    file,
    readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8'),
  );
  expect(problems).toEqual([]);
  if (!drg) throw new Error('no DRG');
  return drg;
}

describe('complaint routing table', () => {
  const route = async (variables: Record<string, unknown>) =>
    evaluateDecision(await load('complaint-routing.dmn'), 'complaintRouting', variables, NOW);

  it('given a fraud complaint on any channel, then it goes to the fraud desk within 4 hours', async () => {
    const result = await route({ category: 'fraud', severity: 1, channel: 'mobile' });
    expect(result.output).toEqual({ queue: 'fraud-desk', slaHours: 4 });
  });

  it('given a severe non-fraud complaint, then it is prioritised', async () => {
    const result = await route({ category: 'billing', severity: 5, channel: 'branch' });
    expect(result.output).toEqual({ queue: 'priority', slaHours: 8 });
  });

  it('given a mild billing complaint at a branch, then output entries are FEEL over the variables', async () => {
    const result = await route({ category: 'Billing', severity: 2, channel: 'branch' });
    expect(result.output).toBeNull();
    const billing = await route({ category: 'billing', severity: 2, channel: 'branch' });
    expect(billing.output).toEqual({ queue: 'branch-billing', slaHours: 48 });
  });

  it('given no rule matches, then the result is null', async () => {
    expect((await route({ category: 'other', severity: 1, channel: 'branch' })).output).toBeNull();
  });

  it('when evaluated, then inputs and the matched rule are reported as Zeebe reports them', async () => {
    const result = await route({ category: 'service', severity: 3, channel: 'web' });
    expect(result.evaluatedDecisions).toEqual([
      {
        decisionId: 'complaintRouting',
        decisionName: 'Route complaint',
        decisionType: 'DECISION_TABLE',
        output: { queue: 'digital', slaHours: 72 },
        evaluatedInputs: [
          { inputId: 'Input_category', inputName: 'Category', inputValue: 'service' },
          { inputId: 'Input_severity', inputName: 'Severity', inputValue: 3 },
          { inputId: 'Input_channel', inputName: 'Channel', inputValue: 'web' },
        ],
        matchedRules: [
          {
            ruleId: 'Rule_digital',
            ruleIndex: 4,
            evaluatedOutputs: [
              { outputId: 'Output_queue', outputName: 'queue', outputValue: 'digital' },
              { outputId: 'Output_sla', outputName: 'slaHours', outputValue: 72 },
            ],
          },
        ],
      },
    ]);
  });
});

describe('KYC risk DRG', () => {
  const rate = async (customer: Record<string, unknown>) =>
    evaluateDecision(await load('kyc-risk.dmn'), 'kycRisk', { customer }, NOW);

  it('given a politically exposed customer, then the required decision makes the risk high', async () => {
    const result = await rate({ countryRisk: 'low', occupation: 'Minister', monthlyDeposits: 1_000 });
    expect(result.output).toBe('high');
    expect(result.evaluatedDecisions.map((decision) => [decision.decisionId, decision.output])).toEqual([
      ['pepCheck', true],
      ['kycRisk', 'high'],
    ]);
    expect(result.evaluatedDecisions[0]?.decisionType).toBe('LITERAL_EXPRESSION');
  });

  it('given large deposits only, then PRIORITY picks medium over the matching low rule', async () => {
    const result = await rate({ countryRisk: 'low', occupation: 'teacher', monthlyDeposits: 600_000_000 });
    expect(result.output).toBe('medium');
    expect(result.evaluatedDecisions[1]?.matchedRules.map((rule) => rule.ruleId)).toEqual([
      'Rule_volume',
      'Rule_default',
    ]);
  });

  it('given nothing notable, then the risk is low', async () => {
    expect((await rate({ countryRisk: 'low', occupation: 'teacher', monthlyDeposits: 10 })).output).toBe(
      'low',
    );
  });

  it('given the required decision is evaluated on its own, then only it is reported', async () => {
    const result = evaluateDecision(
      await load('kyc-risk.dmn'),
      'pepCheck',
      { customer: { occupation: 'Judge' } },
      NOW,
    );
    expect(result.output).toBe(true);
    expect(result.evaluatedDecisions).toHaveLength(1);
  });
});

describe('literal expressions and requirements', () => {
  it('given a literal expression, then its FEEL value is the output, with engine time as now()', async () => {
    const xml = definitions(literalDecision('greeting', '"Halo " + name + " " + string(today().year)'));
    const { drg } = await parseDmn('greeting.dmn', xml);
    if (!drg) throw new Error('no DRG');
    expect(evaluateDecision(drg, 'greeting', { name: 'Sari' }, NOW).output).toBe('Halo Sari 2025');
  });

  it('given a required decision without a variable, then its result is visible under its id', async () => {
    const xml = definitions(
      tableDecision('fee', { inputs: ['fee'], rules: [{ inputs: ['-'], outputs: ['baseFee * 2'] }] }, [
        'baseFee',
      ]),
      tableDecision('baseFee', { inputs: ['tier'], rules: [{ inputs: ['"gold"'], outputs: ['10'] }] }),
    );
    const { drg, problems } = await parseDmn('fee.dmn', xml);
    expect(problems).toEqual([]);
    if (!drg) throw new Error('no DRG');
    const result = evaluateDecision(drg, 'fee', { tier: 'gold' }, NOW);
    expect(result.output).toBe(20);
    expect(result.evaluatedDecisions.map((decision) => decision.decisionId)).toEqual(['baseFee', 'fee']);
  });

  it('given a FEEL failure in a required decision, then the error names that decision', async () => {
    const xml = definitions(
      literalDecision('outer', 'inner + 1', ['inner']),
      literalDecision('inner', 'assert(limit, limit > 0)'),
    );
    const { drg } = await parseDmn('fail.dmn', xml);
    if (!drg) throw new Error('no DRG');
    expect(() => evaluateDecision(drg, 'outer', { limit: -1 }, NOW)).toThrow(
      expect.objectContaining({ name: 'DecisionEvaluationError', decisionId: 'inner' }),
    );
  });

  it('given an unknown decision id, then evaluation fails', async () => {
    const { drg } = await parseDmn('one.dmn', definitions(literalDecision('one', '1')));
    if (!drg) throw new Error('no DRG');
    expect(() => evaluateDecision(drg, 'two', {}, NOW)).toThrow(/no decision found for id 'two'/);
  });
});
