import { type DmnElement, DmnModdle } from 'dmn-moddle';
import { checkExpression, checkUnaryTests } from '../feel/index.ts';
import type {
  Aggregation,
  Decision,
  DecisionRequirementsGraph,
  DecisionTable,
  DmnProblem,
  HitPolicy,
  LiteralExpression,
} from './model.ts';

const HIT_POLICIES: readonly HitPolicy[] = [
  'UNIQUE',
  'FIRST',
  'PRIORITY',
  'ANY',
  'COLLECT',
  'RULE ORDER',
  'OUTPUT ORDER',
];
const AGGREGATIONS: readonly Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

export interface ParsedDmn {
  drg?: DecisionRequirementsGraph;
  problems: DmnProblem[];
}

/**
 * Reads a DMN 1.1–1.5 resource into a decision requirements graph. Every FEEL text is parsed
 * here, so a deployment fails rather than an evaluation; `drg` is set only when there is no problem.
 */
export async function parseDmn(resourceName: string, xml: string): Promise<ParsedDmn> {
  const problems: DmnProblem[] = [];
  const report = (elementId: string | undefined, message: string) =>
    problems.push(elementId === undefined ? { resourceName, message } : { resourceName, elementId, message });

  let root: DmnElement;
  try {
    const result = await DmnModdle().fromXML(xml, 'dmn:Definitions');
    root = result.rootElement;
    for (const warning of result.warnings) report(warning.element?.id, warning.message);
  } catch (cause) {
    report(undefined, `unparsable DMN: ${cause instanceof Error ? cause.message.split('\n')[0] : cause}`);
    return { problems };
  }

  const decisions = new Map<string, Decision>();
  for (const element of list(root, 'drgElement')) {
    if (element.$type !== 'dmn:Decision') continue;
    const id = element.id ?? '';
    if (decisions.has(id)) report(id, `duplicate decision id '${id}'`);
    const logic = parseLogic(element, (message, elementId = id) => report(elementId, message));
    if (logic === undefined) continue;
    const variable = child(element, 'variable');
    decisions.set(id, {
      id,
      name: element.name ?? id,
      resultName: variable?.name || id,
      requiredDecisions: list(element, 'informationRequirement').flatMap((requirement) => {
        const href = text(child(requirement, 'requiredDecision'), 'href');
        return href === '' ? [] : [href.slice(href.indexOf('#') + 1)];
      }),
      logic,
    });
  }
  if (decisions.size === 0 && problems.length === 0) report(root.id, 'the DMN resource contains no decision');

  for (const decision of decisions.values()) {
    for (const required of decision.requiredDecisions) {
      if (!decisions.has(required)) report(decision.id, `required decision '${required}' not found`);
    }
    if (dependsOn(decision.id, decision.id, decisions, new Set())) {
      report(decision.id, `cyclic dependencies between decisions: '${decision.id}' requires itself`);
    }
  }
  if (problems.length > 0) return { problems };
  const drg = {
    id: root.id ?? '',
    name: root.name ?? root.id ?? '',
    namespace: text(root, 'namespace'),
    resourceName,
    decisions,
  };
  return { drg, problems };
}

type Report = (message: string, elementId?: string) => void;

function parseLogic(decision: DmnElement, report: Report): DecisionTable | LiteralExpression | undefined {
  const logic = child(decision, 'decisionLogic');
  if (logic?.$type === 'dmn:LiteralExpression') {
    const expression = text(logic, 'text');
    if (!isFeel(logic, report)) return undefined;
    if (expression.trim() === '') return void report('the literal expression must not be empty');
    const error = checkExpression(expression);
    return error === undefined ? { kind: 'LITERAL_EXPRESSION', expression } : void report(error);
  }
  if (logic?.$type === 'dmn:DecisionTable') return parseTable(logic, report);
  report(
    `unsupported decision logic '${logic?.$type ?? 'none'}': expected a decision table or a literal expression`,
  );
  return undefined;
}

function parseTable(table: DmnElement, report: Report): DecisionTable | undefined {
  const before = { ok: true };
  const fail: Report = (message, elementId) => {
    before.ok = false;
    report(message, elementId);
  };
  const hitPolicy = (text(table, 'hitPolicy') || 'UNIQUE') as HitPolicy;
  if (!HIT_POLICIES.includes(hitPolicy)) fail(`unknown hit policy '${hitPolicy}'`);
  const aggregationText = text(table, 'aggregation');
  const aggregation = aggregationText === '' ? undefined : (aggregationText as Aggregation);
  if (aggregation !== undefined && !AGGREGATIONS.includes(aggregation))
    fail(`unknown aggregation '${aggregation}'`);

  const inputs = list(table, 'input').map((input) => {
    const expression = text(child(input, 'inputExpression'), 'text');
    if (expression.trim() === '') fail('the input expression must not be empty', input.id);
    else feel(checkExpression(expression), input.id, fail);
    return { id: input.id ?? '', name: text(input, 'label') || input.id || '', expression };
  });
  const outputs = list(table, 'output').map((output) => ({
    id: output.id ?? '',
    name: output.name ?? '',
    typeRef: text(output, 'typeRef') || undefined,
    values: splitValues(text(child(output, 'outputValues'), 'text')),
  }));
  if (outputs.length === 0) fail('the decision table has no output');
  if (outputs.length > 1) {
    for (const output of outputs) if (output.name === '') fail('no output name defined', output.id);
    if (hitPolicy === 'COLLECT' && aggregation !== undefined) {
      fail("hit policy 'COLLECT' with aggregator is not defined for compound output");
    }
  }

  const rules = list(table, 'rule').map((rule) => {
    const inputEntries = list(rule, 'inputEntry').map((entry) => text(entry, 'text'));
    const outputEntries = list(rule, 'outputEntry').map((entry) => text(entry, 'text'));
    if (inputEntries.length !== inputs.length || outputEntries.length !== outputs.length) {
      fail(
        `the rule has ${inputEntries.length} input and ${outputEntries.length} output entries, ` +
          `but the table has ${inputs.length} inputs and ${outputs.length} outputs`,
        rule.id,
      );
    }
    for (const entry of inputEntries) feel(checkUnaryTests(entry), rule.id, fail);
    for (const entry of outputEntries) if (entry.trim() !== '') feel(checkExpression(entry), rule.id, fail);
    return { id: rule.id ?? '', inputEntries, outputEntries };
  });
  if (!before.ok) return undefined;
  return aggregation === undefined
    ? { kind: 'DECISION_TABLE', hitPolicy, inputs, outputs, rules }
    : { kind: 'DECISION_TABLE', hitPolicy, aggregation, inputs, outputs, rules };
}

function feel(error: string | undefined, elementId: string | undefined, report: Report): void {
  if (error !== undefined) report(error, elementId);
}

function isFeel(element: DmnElement, report: Report): boolean {
  const language = text(element, 'expressionLanguage').toLowerCase();
  if (language === '' || language.includes('feel')) return true;
  report(`expression language '${language}' is not supported`, element.id);
  return false;
}

/** `"high", "medium"` → ['high', 'medium'], quotes removed as dmn-scala does. */
function splitValues(source: string): string[] {
  if (source.trim() === '') return [];
  return source.split(',').map((value) => value.trim().replace(/["']/g, ''));
}

function dependsOn(
  target: string,
  from: string,
  decisions: Map<string, Decision>,
  seen: Set<string>,
): boolean {
  for (const required of decisions.get(from)?.requiredDecisions ?? []) {
    if (required === target) return true;
    if (seen.has(required)) continue;
    seen.add(required);
    if (dependsOn(target, required, decisions, seen)) return true;
  }
  return false;
}

function child(element: DmnElement | undefined, property: string): DmnElement | undefined {
  const value = element?.[property];
  return typeof value === 'object' && value !== null ? (value as DmnElement) : undefined;
}

function list(element: DmnElement, property: string): DmnElement[] {
  const value = element[property];
  return Array.isArray(value) ? (value as DmnElement[]) : [];
}

function text(element: DmnElement | undefined, property: string): string {
  const value = element?.[property];
  return typeof value === 'string' ? value : '';
}
