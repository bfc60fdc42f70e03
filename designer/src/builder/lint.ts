import { useEffect, useState } from 'react';
import { post } from '../api.ts';
import { allSteps, type Flow } from './flow.ts';
import { layoutFlow } from './layout.ts';
import type { FlowProblem } from './validate.ts';

/** One finding of the server's lint (bpmnlint and Camunda 8.8 compatibility, as deploy checks it). */
export interface LintProblem {
  id?: string;
  rule: string;
  message: string;
  category: 'error' | 'warn';
}

/** Waits for the owner to pause before asking the server. */
const SETTLE_MS = 600;

/**
 * The server's lint errors for the compiled BPMN, once the flow is valid by the builder's own
 * rules: what only a FEEL parser or the Camunda rules see (a condition that does not parse).
 */
export function useServerLint(xml: string, enabled: boolean): LintProblem[] {
  const [problems, setProblems] = useState<LintProblem[]>([]);
  useEffect(() => {
    if (!enabled) {
      setProblems([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      post<{ problems: LintProblem[] }>('/api/designer/lint', { content: xml }).then(
        (answer) => current && setProblems(answer.problems.filter((problem) => problem.category === 'error')),
        // Without the lint (an older server, a network hiccup) the builder's own checks still hold.
        () => current && setProblems([]),
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [xml, enabled]);
  return problems;
}

/** The lint's errors (and the engine's deploy check's) as the builder's problems, on the step whose element they name. */
export function lintToFlowProblems(flow: Flow, lint: LintProblem[]): FlowProblem[] {
  const steps = new Set(allSteps(flow.steps).map((step) => step.id));
  const graph = layoutFlow(flow);
  const stepOfNode = (elementId: string) => {
    const id = elementId.replace(/^(Task|Event|EndEvent|Gateway)_/, '').replace(/_join$/, '');
    return steps.has(id) ? id : undefined;
  };
  const mapped = lint.map((problem): FlowProblem => {
    const edge = graph.edges.find((e) => e.id === problem.id);
    // The only thing the owner writes on a sequence flow is a condition's FEEL.
    if (edge?.condition !== undefined) {
      const stepId = stepOfNode(edge.source);
      if (stepId) return { stepId, field: 'condition', code: 'feel' };
    }
    const stepId = problem.id ? stepOfNode(edge ? edge.source : problem.id) : undefined;
    return {
      ...(stepId ? { stepId } : {}),
      field: stepId ? 'kind' : 'steps',
      code: 'lint',
      detail: problem.rule,
    };
  });
  // The lint and the engine's deploy check often find the same fault: say it once.
  const seen = new Set<string>();
  return mapped.filter((problem) => {
    const key = JSON.stringify(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
