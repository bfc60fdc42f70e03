import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { definitions, literalDecision, tableDecision } from './fixtures/build.ts';
import { parseDmn } from './index.ts';

const fixture = (file: string) => readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8');

async function problemsOf(xml: string) {
  const { drg, problems } = await parseDmn('bad.dmn', xml);
  expect(drg).toBeUndefined();
  return problems;
}

describe('parseDmn', () => {
  it('given a Modeler DMN 1.3 file, then decisions, requirements and tables are read', async () => {
    const { drg, problems } = await parseDmn('kyc-risk.dmn', fixture('kyc-risk.dmn'));
    expect(problems).toEqual([]);
    expect(drg).toMatchObject({ id: 'KycRisk', name: 'KYC risk', resourceName: 'kyc-risk.dmn' });
    expect([...(drg?.decisions.keys() ?? [])]).toEqual(['kycRisk', 'pepCheck']);
    const table = drg?.decisions.get('kycRisk');
    expect(table?.requiredDecisions).toEqual(['pepCheck']);
    expect(table?.logic).toMatchObject({ kind: 'DECISION_TABLE', hitPolicy: 'PRIORITY' });
    if (table?.logic.kind === 'DECISION_TABLE') {
      expect(table.logic.outputs[0]).toMatchObject({
        name: 'risk',
        typeRef: 'string',
        values: ['high', 'medium', 'low'],
      });
      expect(table.logic.rules).toHaveLength(4);
    }
    expect(drg?.decisions.get('pepCheck')).toMatchObject({
      resultName: 'pepCheck',
      logic: { kind: 'LITERAL_EXPRESSION' },
    });
  });

  it('given the hit policy is absent, then it is UNIQUE', async () => {
    const { drg } = await parseDmn('routing.dmn', fixture('complaint-routing.dmn'));
    expect(drg?.decisions.get('complaintRouting')?.logic).toMatchObject({ hitPolicy: 'UNIQUE' });
  });

  it('given XML that does not parse, then one problem says so', async () => {
    const problems = await problemsOf('<definitions');
    expect(problems).toEqual([
      { resourceName: 'bad.dmn', message: expect.stringMatching(/^unparsable DMN/) },
    ]);
  });

  it('given an invalid input entry, then the problem names the rule', async () => {
    const xml = definitions(tableDecision('t', { rules: [{ inputs: ['> 10 <'], outputs: ['1'] }] }));
    expect(await problemsOf(xml)).toEqual([
      {
        resourceName: 'bad.dmn',
        elementId: 'Rule_t_1',
        message: expect.stringMatching(/failed to parse unary-tests '> 10 <'/),
      },
    ]);
  });

  it('given an invalid output entry, then the problem names the rule', async () => {
    const xml = definitions(tableDecision('t', { rules: [{ inputs: ['-'], outputs: ['1 +'] }] }));
    expect(await problemsOf(xml)).toEqual([
      {
        resourceName: 'bad.dmn',
        elementId: 'Rule_t_1',
        message: expect.stringMatching(/failed to parse expression '1 \+'/),
      },
    ]);
  });

  it('given an invalid input expression, then the problem names the input', async () => {
    const xml = definitions(
      tableDecision('t', { inputs: ['a b'], rules: [{ inputs: ['-'], outputs: ['1'] }] }),
    );
    const [problem] = await problemsOf(xml);
    expect(problem).toMatchObject({ elementId: 'Input_t_0', message: expect.stringMatching(/whitespace/) });
  });

  it('given an invalid or empty literal expression, then the problem names the decision', async () => {
    const bad = await problemsOf(definitions(literalDecision('lit', 'if x then')));
    expect(bad).toMatchObject([
      { elementId: 'lit', message: expect.stringMatching(/failed to parse expression/) },
    ]);
    const empty = await problemsOf(definitions(literalDecision('lit', '')));
    expect(empty).toMatchObject([{ elementId: 'lit', message: 'the literal expression must not be empty' }]);
  });

  it('given a rule with too few entries, then the problem names the rule', async () => {
    const xml = definitions(
      tableDecision('t', { inputs: ['a', 'b'], rules: [{ inputs: ['-'], outputs: ['1'] }] }),
    );
    expect(await problemsOf(xml)).toMatchObject([
      { elementId: 'Rule_t_1', message: expect.stringMatching(/1 input/) },
    ]);
  });

  it('given COLLECT with an aggregator over two outputs, then it is rejected', async () => {
    const spec = {
      hitPolicy: 'COLLECT',
      aggregation: 'SUM',
      outputs: [{ name: 'a' }, { name: 'b' }],
      rules: [{ inputs: ['-'], outputs: ['1', '2'] }],
    };
    expect(await problemsOf(definitions(tableDecision('t', spec)))).toMatchObject([
      { elementId: 't', message: "hit policy 'COLLECT' with aggregator is not defined for compound output" },
    ]);
  });

  it('given a required decision that does not exist, then it is rejected', async () => {
    const problems = await problemsOf(definitions(literalDecision('a', 'b', ['b'])));
    expect(problems).toMatchObject([{ elementId: 'a', message: "required decision 'b' not found" }]);
  });

  it('given decisions that require each other, then the cycle is rejected', async () => {
    const problems = await problemsOf(
      definitions(literalDecision('a', 'b', ['b']), literalDecision('b', 'a', ['a'])),
    );
    expect(problems.map((problem) => problem.elementId)).toEqual(['a', 'b']);
    expect(problems[0]?.message).toMatch(/cyclic dependencies/);
  });

  it('given several problems, then all of them are reported', async () => {
    const xml = definitions(
      tableDecision('t', { rules: [{ inputs: ['[1..'], outputs: ['"x" +'] }] }),
      literalDecision('l', '('),
    );
    expect((await problemsOf(xml)).map((problem) => problem.elementId)).toEqual([
      'Rule_t_1',
      'Rule_t_1',
      'l',
    ]);
  });
});
