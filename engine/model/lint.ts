import { createRequire } from 'node:module';
import { parseDefinitions } from './parse.ts';
import { Problems } from './problems.ts';

/** One finding of the linter about a BPMN document. */
export interface LintProblem {
  /** The element the finding is about; absent when it concerns the document as a whole. */
  id?: string;
  /** The rule that found it, as bpmnlint names it (`camunda-compat/<rule>` for the plugin's). */
  rule: string;
  message: string;
  category: 'error' | 'warn';
}

export type LintRuleSetting = 'off' | 'warn' | 'error';

export interface LintOptions {
  /** Overrides of single rules, by the name a problem carries (`label-required`, `camunda-compat/timer`). */
  rules?: Readonly<Record<string, LintRuleSetting>>;
}

/**
 * What every shipped model and every model of the designer is held to: bpmnlint's recommended
 * rules and what Camunda 8.8 accepts. `zeebe-user-task` is off because our user tasks are
 * job-based on purpose (DESIGN seam 2), so its advice to convert them is noise here.
 */
const CONFIG = {
  extends: ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-cloud-8-8'],
  rules: { 'camunda-compat/zeebe-user-task': 'off' },
} as const;

/** The rule name a problem carries for moddle's own complaints (unreadable XML, bad references). */
export const PARSE_RULE = 'bpmn-parse';

// bpmnlint and its plugin are CommonJS with no types for their entry points.
interface Report {
  id?: string;
  message: string;
  category: string;
}
interface BpmnLinter {
  lint(root: unknown, config?: unknown): Promise<Record<string, Report[]>>;
}
interface Resolver {
  resolveRule(pkg: string, ruleName: string): unknown;
  resolveConfig(pkg: string, configName: string): unknown;
}
type LinterConstructor = new (options: { config?: unknown; resolver: Resolver }) => BpmnLinter;

const require = createRequire(import.meta.url);
const BPMNLINT = 'bpmnlint';
const CAMUNDA_COMPAT = 'bpmnlint-plugin-camunda-compat';

/**
 * Loads rules and configs from the two installed packages only, resolved from this file rather
 * than from the working directory as bpmnlint's NodeResolver does: the lint gives the same
 * answer whichever folder the server, a test or a script runs in.
 */
const resolver: Resolver = {
  resolveRule(pkg, ruleName) {
    if (pkg === BPMNLINT) return require(`${BPMNLINT}/rules/${safe(ruleName)}`);
    if (pkg === CAMUNDA_COMPAT) {
      const path = plugin().rules[ruleName];
      if (path === undefined) throw new Error(`unknown rule <${CAMUNDA_COMPAT}/${ruleName}>`);
      return require(`${CAMUNDA_COMPAT}/${path.replace(/^\.\//, '')}`);
    }
    throw new Error(`rules of <${pkg}> are not available to this linter`);
  },
  resolveConfig(pkg, configName) {
    if (pkg === BPMNLINT) return require(`${BPMNLINT}/config/${safe(configName)}`);
    if (pkg === CAMUNDA_COMPAT) {
      const config = plugin().configs[configName];
      if (config === undefined) throw new Error(`unknown config <${CAMUNDA_COMPAT}/${configName}>`);
      return config;
    }
    throw new Error(`configs of <${pkg}> are not available to this linter`);
  },
};

function plugin(): { rules: Record<string, string>; configs: Record<string, unknown> } {
  return require(CAMUNDA_COMPAT);
}

/** Rule and config names are plain words; anything else must not reach `require`. */
function safe(name: string): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`illegal rule or config name <${name}>`);
  return name;
}

/**
 * Lints one BPMN document. Never throws for bad input: XML that cannot be read gives its
 * problems under the rule `bpmn-parse`. Problems come errors first, then by rule, element and
 * message, so the same document always gives the same list.
 */
export async function lintBpmn(xml: string | Uint8Array, options: LintOptions = {}): Promise<LintProblem[]> {
  // Parsing only reads the document; FEEL is the compiler's business, so no checker is needed.
  const read = new Problems('lint', () => undefined);
  const definitions = await parseDefinitions(xml, read);
  const problems: LintProblem[] = read.list.map(({ elementId, message }) => ({
    ...(elementId === undefined ? {} : { id: elementId }),
    rule: PARSE_RULE,
    message,
    category: 'error',
  }));
  if (definitions) {
    // A fresh linter each time: bpmnlint's rules keep state in their closures (which flows
    // they have seen), so a reused linter would report one model's flows as another's duplicates.
    const linter = new (require(BPMNLINT).Linter as LinterConstructor)({ resolver });
    const config = { ...CONFIG, rules: { ...CONFIG.rules, ...options.rules } };
    const reports = await linter.lint(definitions, config);
    for (const [rule, list] of Object.entries(reports)) {
      for (const report of list) {
        problems.push({
          ...(report.id === undefined ? {} : { id: report.id }),
          rule,
          message: report.message,
          // A rule that crashed ('rule-error') must not pass as clean; 'info' is advice.
          category: report.category === 'warn' || report.category === 'info' ? 'warn' : 'error',
        });
      }
    }
  }
  return problems.sort(compareProblems);
}

function compareProblems(a: LintProblem, b: LintProblem): number {
  if (a.category !== b.category) return a.category === 'error' ? -1 : 1;
  return (
    a.rule.localeCompare(b.rule, 'en') ||
    (a.id ?? '').localeCompare(b.id ?? '', 'en') ||
    a.message.localeCompare(b.message, 'en')
  );
}

/** One line per problem, as a person reads it: `error Element 'x': message (rule)`. */
export function formatLintProblem(problem: LintProblem): string {
  const where = problem.id === undefined ? '' : `Element '${problem.id}': `;
  return `${problem.category} ${where}${problem.message} (${problem.rule})`;
}
