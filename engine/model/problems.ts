import type { DeploymentProblem, ValueOrExpression } from './types.ts';
import { parseValue } from './value.ts';

/** Returns `undefined` when `source` (FEEL without the leading `=`) parses, else the syntax error. */
export type ExpressionChecker = (source: string) => string | undefined;

/** XML's NCName, which the BPMN schema requires of ids; Zeebe validates documents against it. */
const NCNAME = /^[\p{L}_][\p{L}\p{M}\p{N}_.\-\u00B7\u203F\u2040]*$/u;

export function invalidId(id: string): string {
  return `the id '${id}' is not a valid XML id: it must start with a letter or _ and contain only letters, digits, '.', '-' and '_'`;
}

/**
 * Collects the problems of one resource. A problem about an element carries its id; its
 * message does not repeat it, since readers render `Element '<id>': <message>`.
 */
export class Problems {
  readonly list: DeploymentProblem[] = [];
  readonly #elementsWithProblems = new Set<string>();

  constructor(
    readonly resourceName: string,
    private readonly checkExpression: ExpressionChecker,
  ) {}

  add(elementId: string | undefined, message: string): void {
    if (elementId === undefined) {
      this.list.push({ resourceName: this.resourceName, message });
      return;
    }
    this.#elementsWithProblems.add(elementId);
    this.list.push({ resourceName: this.resourceName, elementId, message });
  }

  /** The node's id; `undefined` (reported) when it has none or one the BPMN schema forbids. */
  id(node: { readonly $type: string; readonly id?: string }, where = ''): string | undefined {
    if (!node.id) {
      this.add(undefined, `a ${node.$type}${where} has no id`);
      return undefined;
    }
    if (!NCNAME.test(node.id)) {
      this.add(node.id, invalidId(node.id));
      return undefined;
    }
    return node.id;
  }

  has(elementId: string): boolean {
    return this.#elementsWithProblems.has(elementId);
  }

  /**
   * Reads a value that may be FEEL (`what` names it in messages) and checks its syntax.
   * With `expressionOnly`, static text is an error, as Zeebe requires for output sources
   * and conditions. Returns `undefined` when the value is invalid.
   */
  value(
    elementId: string,
    what: string,
    raw: string,
    options: { expressionOnly?: boolean } = {},
  ): ValueOrExpression | undefined {
    const value = parseValue(raw);
    if (value.kind === 'static') {
      if (!options.expressionOnly) return value;
      const example = raw.trim() === '' ? 'is empty but' : `'${raw}'`;
      this.add(
        elementId,
        `${what} ${example} must be a FEEL expression starting with '=' (e.g. '=${raw.trim() || 'x'}')`,
      );
      return undefined;
    }
    const error = value.source.trim() === '' ? 'the expression is empty' : this.#check(value.source);
    if (error === undefined) return value;
    this.add(elementId, `${what} '${raw}' is not a valid FEEL expression: ${error}`);
    return undefined;
  }

  #check(source: string): string | undefined {
    try {
      return this.checkExpression(source);
    } catch (error) {
      // The checker is injected: a crash in it is still a problem of this expression, not of the deployment.
      return error instanceof Error ? error.message : String(error);
    }
  }
}
