import { useEffect, useState } from 'react';
import { designerApi, type LintProblem } from './api.ts';

export interface LintState {
  problems: LintProblem[];
  /** The content the problems belong to is still being checked (or waiting for the debounce). */
  checking: boolean;
  failed: boolean;
}

/** Lints BPMN content on the server (bpmnlint + Camunda 8.8 compat), 500 ms after the last change. */
export function useLint(content: string | undefined, enabled: boolean): LintState {
  const [state, setState] = useState<LintState>({ problems: [], checking: false, failed: false });
  useEffect(() => {
    if (!enabled || content === undefined) return;
    let live = true;
    setState((previous) => ({ ...previous, checking: true }));
    const timer = setTimeout(() => {
      designerApi.lint(content).then(
        (problems) => live && setState({ problems, checking: false, failed: false }),
        () => live && setState({ problems: [], checking: false, failed: true }),
      );
    }, 500);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [content, enabled]);
  return state;
}
