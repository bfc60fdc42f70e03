// The engine's DMN layer: parse a DRG with dmn-moddle, evaluate its decisions with our FEEL.
export { evaluateDecision } from './evaluate.ts';
export type {
  Aggregation,
  Decision,
  DecisionInput,
  DecisionOutput,
  DecisionRequirementsGraph,
  DecisionResult,
  DecisionRule,
  DecisionTable,
  DmnProblem,
  EvaluatedDecision,
  EvaluatedInput,
  EvaluatedOutput,
  HitPolicy,
  LiteralExpression,
  MatchedRule,
} from './model.ts';
export { DecisionEvaluationError } from './model.ts';
export { type ParsedDmn, parseDmn } from './parse.ts';
