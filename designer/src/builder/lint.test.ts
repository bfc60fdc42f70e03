import { describe, expect, it } from 'vitest';
import { lintBpmn } from '../../../engine/index.ts';
import { compile } from './compile.ts';
import type { Flow } from './flow.ts';
import { lintToFlowProblems } from './lint.ts';
import { ALL_KINDS } from './test-flows.ts';

describe("the server lint's errors, given a flow the builder's own checks pass", () => {
  it('puts a condition that is not FEEL on its condition field', async () => {
    const flow: Flow = {
      id: 'cases-bad-feel',
      name: 'FEEL rusak',
      steps: [
        {
          kind: 'condition',
          id: 's1',
          name: 'Besar?',
          condition: 'amount >',
          yes: [{ kind: 'wait', id: 's2', name: 'Tunggu 1 jam', amount: 1, unit: 'hours' }],
          no: [],
        },
      ],
    };
    const lint = await lintBpmn(compile(flow));
    // The server adds the engine's deploy check on the same flow: one problem all the same.
    const engine = {
      id: lint[0]?.id,
      rule: 'engine-deploy',
      message: 'not a valid FEEL expression',
      category: 'error' as const,
    };
    expect(lintToFlowProblems(flow, [engine, ...lint])).toEqual([
      { stepId: 's1', field: 'condition', code: 'feel' },
    ]);
  });

  it('puts any other error on the step its element belongs to, naming the rule', () => {
    const problems = lintToFlowProblems(ALL_KINDS, [
      { id: 'Task_s8', rule: 'camunda-compat/user-task-definition', message: 'm', category: 'error' },
      { id: 'Gateway_s5_join', rule: 'r', message: 'm', category: 'error' },
      { rule: 'r', message: 'm', category: 'error' },
    ]);
    expect(problems).toEqual([
      { stepId: 's8', field: 'kind', code: 'lint', detail: 'camunda-compat/user-task-definition' },
      { stepId: 's5', field: 'kind', code: 'lint', detail: 'r' },
      { field: 'steps', code: 'lint', detail: 'r' },
    ]);
  });
});
