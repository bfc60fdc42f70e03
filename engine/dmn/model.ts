// The parsed form of a DMN resource: what the evaluator needs and nothing else.

export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface DecisionInput {
  id: string;
  /** The column label, reported as the input's name (dmn-scala's audit uses the label). */
  name: string;
  /** FEEL expression evaluated against the decision's variables. */
  expression: string;
}

export interface DecisionOutput {
  id: string;
  /** The key in a multi-output result. */
  name: string;
  typeRef?: string;
  /** Allowed values in order, quotes removed: the ranking for PRIORITY and OUTPUT ORDER. */
  values: string[];
}

export interface DecisionRule {
  id: string;
  /** Unary tests, one per input; '' and '-' match anything. */
  inputEntries: string[];
  /** FEEL expressions, one per output; '' yields null. */
  outputEntries: string[];
}

export interface DecisionTable {
  kind: 'DECISION_TABLE';
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  inputs: DecisionInput[];
  outputs: DecisionOutput[];
  rules: DecisionRule[];
}

export interface LiteralExpression {
  kind: 'LITERAL_EXPRESSION';
  expression: string;
}

export interface Decision {
  id: string;
  name: string;
  /** Name under which dependants see this decision's result: the variable name, else the id. */
  resultName: string;
  requiredDecisions: string[];
  logic: DecisionTable | LiteralExpression;
}

export interface DecisionRequirementsGraph {
  id: string;
  name: string;
  namespace: string;
  resourceName: string;
  /** Keyed by decision id, in document order. */
  decisions: Map<string, Decision>;
}

export interface DmnProblem {
  resourceName: string;
  elementId?: string;
  message: string;
}

export interface EvaluatedInput {
  inputId: string;
  inputName: string;
  inputValue: unknown;
}

export interface EvaluatedOutput {
  outputId: string;
  outputName: string;
  outputValue: unknown;
}

export interface MatchedRule {
  ruleId: string;
  /** 1-based position in the table. */
  ruleIndex: number;
  evaluatedOutputs: EvaluatedOutput[];
}

export interface EvaluatedDecision {
  decisionId: string;
  decisionName: string;
  decisionType: 'DECISION_TABLE' | 'LITERAL_EXPRESSION';
  output: unknown;
  evaluatedInputs: EvaluatedInput[];
  matchedRules: MatchedRule[];
}

export interface DecisionResult {
  output: unknown;
  /** Required decisions first, the requested decision last. */
  evaluatedDecisions: EvaluatedDecision[];
}

/** A decision that cannot be evaluated; `decisionId` names the one that failed (maybe a required one). */
export class DecisionEvaluationError extends Error {
  override name = 'DecisionEvaluationError';
  constructor(
    readonly decisionId: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
