import { describe, expect, it } from 'vitest';
import { definitions, type TableSpec, tableDecision } from './fixtures/build.ts';
import { DecisionEvaluationError, evaluateDecision, parseDmn } from './index.ts';

const NOW = Date.UTC(2025, 0, 15);

async function run(spec: TableSpec, variables: Record<string, unknown>) {
  const { drg, problems } = await parseDmn('table.dmn', definitions(tableDecision('table', spec)));
  expect(problems).toEqual([]);
  if (!drg) throw new Error('no DRG');
  return evaluateDecision(drg, 'table', variables, NOW);
}

/** Three overlapping rules on `amount`: > 10 → 5, > 100 → 20, > 1000 → 50. */
const overlapping = (hitPolicy?: string, aggregation?: string): TableSpec => ({
  ...(hitPolicy ? { hitPolicy } : {}),
  ...(aggregation ? { aggregation } : {}),
  rules: [
    { inputs: ['> 10'], outputs: ['5'] },
    { inputs: ['> 100'], outputs: ['20'] },
    { inputs: ['> 1000'], outputs: ['50'] },
  ],
});

describe('hit policies', () => {
  it('given UNIQUE (the default) and one match, then the bare value is returned', async () => {
    expect((await run(overlapping(), { amount: 50 })).output).toBe(5);
  });

  it('given UNIQUE and two matches, then evaluation fails naming the decision', async () => {
    const failure = await run(overlapping('UNIQUE'), { amount: 500 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DecisionEvaluationError);
    expect((failure as DecisionEvaluationError).decisionId).toBe('table');
    expect((failure as Error).message).toMatch(
      /^Expected to evaluate decision 'table', but multiple values aren't allowed for UNIQUE hit policy/,
    );
  });

  it('given FIRST, then the first match in table order wins and only it is reported', async () => {
    const result = await run(overlapping('FIRST'), { amount: 5000 });
    expect(result.output).toBe(5);
    expect(result.evaluatedDecisions[0]?.matchedRules.map((rule) => rule.ruleIndex)).toEqual([1]);
  });

  it('given ANY with equal outputs, then that output is returned', async () => {
    const spec: TableSpec = {
      hitPolicy: 'ANY',
      rules: [
        { inputs: ['> 10'], outputs: ['"review"'] },
        { inputs: ['> 100'], outputs: ['"review"'] },
      ],
    };
    expect((await run(spec, { amount: 500 })).output).toBe('review');
  });

  it('given ANY with differing outputs, then evaluation fails', async () => {
    await expect(run(overlapping('ANY'), { amount: 500 })).rejects.toThrow(
      /different values aren't allowed for ANY hit policy/,
    );
  });

  it('given PRIORITY, then the match ranked highest by the output values wins', async () => {
    const spec: TableSpec = {
      hitPolicy: 'PRIORITY',
      outputs: [{ name: 'level', values: '"high","medium","low"' }],
      rules: [
        { inputs: ['-'], outputs: ['"low"'] },
        { inputs: ['> 100'], outputs: ['"medium"'] },
        { inputs: ['> 1000'], outputs: ['"high"'] },
      ],
    };
    expect((await run(spec, { amount: 500 })).output).toBe('medium');
    expect((await run(spec, { amount: 5000 })).output).toBe('high');
  });

  it('given OUTPUT ORDER, then all matches come as a list in output value order', async () => {
    const spec: TableSpec = {
      hitPolicy: 'OUTPUT ORDER',
      outputs: [{ name: 'level', values: '"high","medium","low"' }],
      rules: [
        { inputs: ['-'], outputs: ['"low"'] },
        { inputs: ['> 1000'], outputs: ['"high"'] },
        { inputs: ['> 100'], outputs: ['"medium"'] },
      ],
    };
    expect((await run(spec, { amount: 5000 })).output).toEqual(['high', 'medium', 'low']);
  });

  it('given RULE ORDER, then all matches come as a list in table order', async () => {
    expect((await run(overlapping('RULE ORDER'), { amount: 5000 })).output).toEqual([5, 20, 50]);
  });

  it('given COLLECT without aggregator, then all matches come as a list', async () => {
    expect((await run(overlapping('COLLECT'), { amount: 500 })).output).toEqual([5, 20]);
  });

  it.each([
    ['SUM', 75],
    ['MIN', 5],
    ['MAX', 50],
    ['COUNT', 3],
  ])('given COLLECT %s, then the matches aggregate to %d', async (aggregation, expected) => {
    expect((await run(overlapping('COLLECT', aggregation), { amount: 5000 })).output).toBe(expected);
  });

  it('given COLLECT SUM over a non-number, then evaluation fails', async () => {
    const spec: TableSpec = {
      hitPolicy: 'COLLECT',
      aggregation: 'SUM',
      rules: [{ inputs: ['-'], outputs: ['"x"'] }],
    };
    await expect(run(spec, { amount: 1 })).rejects.toThrow(/expected number but found '"x"'/);
  });

  it.each([
    ['UNIQUE', undefined],
    ['FIRST', undefined],
    ['PRIORITY', undefined],
    ['ANY', undefined],
    ['RULE ORDER', undefined],
    ['OUTPUT ORDER', undefined],
    ['COLLECT', undefined],
    ['COLLECT', 'SUM'],
    ['COLLECT', 'MIN'],
    ['COLLECT', 'MAX'],
    ['COLLECT', 'COUNT'],
  ])('given %s %s and no match, then the result is null', async (hitPolicy, aggregation) => {
    const result = await run(overlapping(hitPolicy, aggregation), { amount: 1 });
    expect(result.output).toBeNull();
    expect(result.evaluatedDecisions[0]?.matchedRules).toEqual([]);
  });

  it('given several outputs, then results are objects keyed by output name', async () => {
    const spec: TableSpec = {
      hitPolicy: 'RULE ORDER',
      outputs: [{ name: 'code' }, { name: 'weight' }],
      rules: [
        { inputs: ['> 10'], outputs: ['"A"', '1'] },
        { inputs: ['> 100'], outputs: ['"B"', ''] },
      ],
    };
    expect((await run(spec, { amount: 500 })).output).toEqual([
      { code: 'A', weight: 1 },
      { code: 'B', weight: null },
    ]);
  });

  it('given a missing input variable, then it is null and only null-tolerant entries match', async () => {
    const spec: TableSpec = {
      hitPolicy: 'FIRST',
      rules: [
        { inputs: ['> 10'], outputs: ['"big"'] },
        { inputs: ['null'], outputs: ['"unknown"'] },
      ],
    };
    expect((await run(spec, {})).output).toBe('unknown');
  });
});
