import { evaluate as feelinEvaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { evaluateDetailed } from './evaluation.ts';
import { quickEvaluation } from './quick.ts';
import { DIALECT } from './syntax.ts';

const NOW = Date.UTC(2026, 10, 24);

describe('the quick path for plain conditions', () => {
  it('answers a variable compared with a number exactly as feelin does', () => {
    const values = [-1e15, -101, -0.5, 0, 0.1, 0.3, 0.1 + 0.2, 99.99, 100, 100.0000001, 101, 2 ** 53];
    const literals = ['100', '0.3', '-0.5', '0', '99.99', '1000000000000000'];
    for (const op of ['=', '!=', '<', '<=', '>', '>='])
      for (const literal of literals)
        for (const score of values) {
          const source = `score ${op} ${literal}`;
          const quick = quickEvaluation(source, { score });
          expect(quick, source).toBeDefined();
          expect(quick?.value, `${source} with score ${score}`).toBe(
            feelinEvaluate(source, { score }, DIALECT).value,
          );
        }
  });

  it('answers string equality and a boolean alone, as feelin does', () => {
    for (const [source, variables] of [
      ['status = "OPEN"', { status: 'OPEN' }],
      ['status = "OPEN"', { status: 'open' }],
      ['status != "OPEN"', { status: 'CLOSED' }],
      ['approved', { approved: true }],
      ['approved', { approved: false }],
    ] as const) {
      const quick = quickEvaluation(source, variables);
      expect(quick, source).toMatchObject({ type: 'BOOLEAN', warnings: [] });
      expect(quick?.value, source).toBe(feelinEvaluate(source, { ...variables }, DIALECT).value);
    }
  });

  it('leaves to feelin what it cannot answer the same way: missing, null or other types, order on strings, long literals, anything else', () => {
    for (const [source, variables] of [
      ['score > 100', {}],
      ['score > 100', { score: null }],
      ['score > 100', { score: '150' }],
      ['status = "OPEN"', { status: 1 }],
      ['status < "OPEN"', { status: 'A' }],
      ['approved', { approved: 'yes' }],
      ['score > 0.12345678901234567', { score: 1 }],
      ['score > 100 and ok', { score: 150, ok: true }],
      ['null = 1', { null: 1 }],
      ['score > limit', { score: 1, limit: 2 }],
    ] as const)
      expect(quickEvaluation(source, variables), source).toBeUndefined();
  });

  it('keeps Zeebe’s warnings for what goes to feelin', () => {
    expect(evaluateDetailed('score > 100', {}, NOW)).toEqual({
      value: null,
      type: 'NULL',
      warnings: [
        "[NO_VARIABLE_FOUND] No variable found with name 'score'",
        "[NOT_COMPARABLE] Can't compare 'null' with '100'",
      ],
    });
    expect(evaluateDetailed('score > 100', { score: 150 }, NOW)).toEqual({
      value: true,
      type: 'BOOLEAN',
      warnings: [],
    });
  });
});
