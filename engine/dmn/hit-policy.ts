import { DecisionEvaluationError, type DecisionOutput, type DecisionTable } from './model.ts';

/** A rule that matched, with its output values in column order. */
export interface RuleHit {
  ruleId: string;
  ruleIndex: number;
  values: unknown[];
}

/**
 * Which of the matched rules count under the table's hit policy: FIRST keeps the first,
 * every other policy reports all of them (as dmn-scala's audit does).
 */
export function reportedHits(table: DecisionTable, hits: RuleHit[]): RuleHit[] {
  return table.hitPolicy === 'FIRST' ? hits.slice(0, 1) : hits;
}

/**
 * The table's result for its matched rules, as dmn-scala computes it. No match is null under
 * every policy (COUNT included); one output column gives bare values, several give objects.
 */
export function applyHitPolicy(decisionId: string, table: DecisionTable, hits: RuleHit[]): unknown {
  if (hits.length === 0) return null;
  const fail = (message: string) => new DecisionEvaluationError(decisionId, message);
  const shape = (hit: RuleHit) => shapeOf(table.outputs, hit.values);
  switch (table.hitPolicy) {
    case 'FIRST':
      return shape(firstOf(hits));
    case 'UNIQUE':
      if (hits.length > 1) {
        throw fail(
          `multiple values aren't allowed for UNIQUE hit policy. found: '${describe(hits.map(shape))}' ` +
            `(matched rules ${hits.map((hit) => `'${hit.ruleId}'`).join(', ')})`,
        );
      }
      return shape(firstOf(hits));
    case 'ANY': {
      const distinct = [...new Map(hits.map((hit) => [JSON.stringify(shape(hit)), shape(hit)])).values()];
      if (distinct.length > 1) {
        throw fail(`different values aren't allowed for ANY hit policy. found: '${describe(distinct)}'`);
      }
      return shape(firstOf(hits));
    }
    case 'PRIORITY':
      return shape(firstOf(byPriority(table.outputs, hits)));
    case 'OUTPUT ORDER':
      return byPriority(table.outputs, hits).map(shape);
    case 'RULE ORDER':
      return hits.map(shape);
    case 'COLLECT':
      return collect(table, hits, fail);
  }
}

function collect(table: DecisionTable, hits: RuleHit[], fail: (message: string) => Error): unknown {
  if (table.aggregation === undefined) return hits.map((hit) => shapeOf(table.outputs, hit.values));
  if (table.aggregation === 'COUNT') return hits.length;
  const numbers = hits.map((hit) => {
    const [value] = hit.values;
    if (typeof value !== 'number') throw fail(`expected number but found '${describe(value)}'`);
    return value;
  });
  if (table.aggregation === 'SUM') return numbers.reduce((sum, value) => sum + value, 0);
  return table.aggregation === 'MIN' ? Math.min(...numbers) : Math.max(...numbers);
}

/** One column gives the bare value; several give an object keyed by output name. */
function shapeOf(outputs: DecisionOutput[], values: unknown[]): unknown {
  if (outputs.length === 1) return values[0] ?? null;
  return Object.fromEntries(outputs.map((output, index) => [output.name, values[index] ?? null]));
}

/**
 * Stable sort by each output's position in its allowed values, first output first; values
 * outside the list (or not strings or numbers) rank last.
 */
function byPriority(outputs: DecisionOutput[], hits: RuleHit[]): RuleHit[] {
  const rank = (hit: RuleHit) =>
    outputs.map((output, index) => {
      const value = hit.values[index];
      const position =
        typeof value === 'string' || typeof value === 'number' ? output.values.indexOf(String(value)) : -1;
      return position === -1 ? Number.POSITIVE_INFINITY : position;
    });
  const ranked = hits.map((hit) => ({ hit, rank: rank(hit) }));
  ranked.sort((a, b) => {
    for (let index = 0; index < a.rank.length; index++) {
      const difference = (a.rank[index] ?? 0) - (b.rank[index] ?? 0);
      if (difference !== 0 && !Number.isNaN(difference)) return difference;
    }
    return 0;
  });
  return ranked.map(({ hit }) => hit);
}

function firstOf(hits: RuleHit[]): RuleHit {
  const [first] = hits;
  if (first === undefined) throw new Error('no rule matched');
  return first;
}

function describe(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}
