import { parseExpression } from 'feelin';
import { CAMUNDA_FUNCTION_NAMES, feelinBuiltin } from './functions.ts';

/**
 * Parse-time checks. feelin's lezer grammar is more permissive than feel-scala's parser (it
 * accepts `a b` as one name and `< 5` or `=x` as an expression), so we walk the tree and reject
 * what Zeebe rejects at deployment.
 */

/** lezer's node type, reached through feelin so we need no direct dependency on @lezer/common. */
type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];

/** FEEL keywords: feel-scala never reads them as variable names. */
export const KEYWORDS = new Set([
  'null',
  'true',
  'false',
  'function',
  'if',
  'then',
  'else',
  'for',
  'return',
  'between',
  'instance',
  'of',
  'not',
  'in',
  'and',
  'or',
  'some',
  'every',
  'satisfies',
]);

/** The Camunda dialect adds `backtick names`; every expression is parsed with it. */
export const DIALECT = 'camunda';

/** Names with spaces that feel-scala knows as built-in functions (Camunda 8.8 docs). */
const MULTI_WORD_FUNCTIONS = new Set([
  'string length',
  'upper case',
  'lower case',
  'substring before',
  'substring after',
  'starts with',
  'ends with',
  'list contains',
  'insert before',
  'index of',
  'distinct values',
  'list replace',
  'round up',
  'round down',
  'round half up',
  'round half down',
  'get entries',
  'context merge',
  'context put',
  'day of year',
  'day of week',
  'month of year',
  'week of year',
  'met by',
  'overlaps before',
  'overlaps after',
  'finished by',
  'started by',
  ...CAMUNDA_FUNCTION_NAMES.filter((name) => name.includes(' ')),
]);

/** Multi-word names are fine for functions feel-scala or feelin knows. */
function isKnownFunction(name: string): boolean {
  return MULTI_WORD_FUNCTIONS.has(name) || feelinBuiltin(name) !== undefined;
}

/** Properties with spaces on temporal values and ranges (`x.time offset`). */
const MULTI_WORD_PROPERTIES = new Set(['time offset', 'start included', 'end included']);

/** A name in the source and where it is written. */
export interface NameSpan {
  name: string;
  from: number;
  to: number;
}

export interface Analysis {
  /** One-line syntax error in Zeebe's wording, or undefined when the expression parses. */
  error: string | undefined;
  /** Calls of named functions: `count(…)`, `get or else(…)`, `date(…)`. */
  invocations: NameSpan[];
  /** Variables referenced by `backtick name`. */
  backtickRefs: NameSpan[];
  /** Ordering comparisons (`<`, `<=`, `>`, `>=`) and their operands' source, for warnings. */
  comparisons: Comparison[];
}

export interface Comparison {
  left: string;
  operator: string;
  right: string;
}

/** Tells the parser which multi-word names exist, so `get or else(…)` is not read as `get or …`. */
const PARSE_CONTEXT: Record<string, unknown> = Object.fromEntries(
  CAMUNDA_FUNCTION_NAMES.map((name) => [name, true]),
);

// Expressions are deployed once and evaluated many times: parse each distinct source once.
const cache = new Map<string, Analysis>();
const CACHE_LIMIT = 5_000;

export function analyse(source: string): Analysis {
  const cached = cache.get(source);
  if (cached) return cached;
  const analysis = analyseUncached(source);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(source, analysis);
  return analysis;
}

function analyseUncached(source: string): Analysis {
  const tree = parseExpression(source, PARSE_CONTEXT, DIALECT);
  const found: Found = { invocations: [], backtickRefs: [], comparisons: [] };
  let problem: string | undefined;
  tree.iterate({
    enter(ref) {
      if (problem) return false;
      problem = inspect(ref.node, source, found);
      return undefined;
    },
  });
  return { error: problem && `failed to parse expression '${oneLine(source)}': ${problem}`, ...found };
}

type Found = Pick<Analysis, 'invocations' | 'backtickRefs' | 'comparisons'>;

/** Returns a problem description for a node Zeebe would not parse, else undefined. */
function inspect(
  node: SyntaxNode,
  source: string,
  { invocations, backtickRefs, comparisons }: Found,
): string | undefined {
  if (node.type.isError) return unexpected(source, node.from, node.to);
  switch (node.name) {
    case 'Comparison': {
      const operator = node.firstChild?.nextSibling;
      const right = operator?.nextSibling;
      const op = operator && source.slice(operator.from, operator.to);
      if (node.firstChild && right && op && ['<', '<=', '>', '>='].includes(op))
        comparisons.push({
          left: source.slice(node.firstChild.from, node.firstChild.to),
          operator: op,
          right: source.slice(right.from, right.to),
        });
      return undefined;
    }
    case 'SimplePositiveUnaryTest':
      // `< 5` and `=x` are unary tests; an expression allows them only after `in`.
      if (node.firstChild?.name === 'CompareOp' && node.parent?.name !== 'PositiveUnaryTest') {
        return unexpected(source, node.from, node.firstChild.to);
      }
      return undefined;
    case 'VariableName': {
      const name = nameOf(node, source);
      if (name === undefined) {
        backtickRefs.push({ name: source.slice(node.from + 1, node.to - 1), from: node.from, to: node.to });
        return undefined;
      }
      if (node.parent?.name === 'FunctionInvocation' && node.prevSibling === null) {
        invocations.push({ name, from: node.from, to: node.to });
      }
      return hasSpace(node) && !isKnownFunction(name)
        ? `a name may not contain whitespace: '${name}' at position ${node.from} (use backticks)`
        : undefined;
    }
    case 'DateTimeConstructor':
    case 'SpecialFunctionName':
      // `date(…)` and friends: with a variable `date` in scope feelin would call the variable.
      invocations.push({
        name: source.slice(node.from, node.to).replace(/\s+/g, ' '),
        from: node.from,
        to: node.to,
      });
      return undefined;
    case 'PathName': {
      const name = nameOf(node, source);
      return name !== undefined && hasSpace(node) && !MULTI_WORD_PROPERTIES.has(name)
        ? `a name may not contain whitespace: '${name}' at position ${node.from} (use backticks)`
        : undefined;
    }
    default:
      return undefined;
  }
}

/** The name as written, runs of whitespace collapsed; undefined for a `backtick name`. */
function nameOf(node: SyntaxNode, source: string): string | undefined {
  if (node.firstChild?.name === 'BacktickIdentifier') return undefined;
  return source.slice(node.from, node.to).replace(/\s+/g, ' ');
}

/** Whether the name's parts are separated by whitespace (`a b`), not just operators (`a-b`). */
function hasSpace(node: SyntaxNode): boolean {
  for (let child = node.firstChild?.nextSibling; child; child = child.nextSibling) {
    if (child.prevSibling && child.prevSibling.to < child.from) return true;
  }
  return false;
}

function unexpected(source: string, from: number, to: number): string {
  if (from >= source.trimEnd().length) return `unexpected end of expression at position ${from}`;
  const text = source.slice(from, Math.max(to, from + 1));
  return `unexpected '${oneLine(text)}' at position ${from}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
