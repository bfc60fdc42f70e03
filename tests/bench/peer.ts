import { type BpmnEngineOptions, Engine } from 'bpmn-engine';
import { completion, peerBpmn, startVariables } from './reference-process.ts';
import { pool } from './stats.ts';

export interface PeerResult {
  perSecond: number;
  seconds: number;
}

type Callback = (error: Error | null, result?: unknown) => void;
interface Scope {
  environment: { variables: { amount: number }; output: Record<string, unknown> };
}

/** Service functions that complete at once with the same results as the SDK workers. */
const services = {
  one: (_scope: Scope, next: Callback) => next(null, completion('bench.one', 0)),
  two: (_scope: Scope, next: Callback) => next(null, completion('bench.two', 0)),
  three: (scope: Scope, next: Callback) => {
    const result = completion('bench.three', scope.environment.variables.amount);
    Object.assign(scope.environment.output, result);
    next(null, result);
  },
  isHigh: (scope: Scope) => Number(scope.environment.output.score) > 100,
};

/**
 * Reference B: the same process on bpmn-engine, in memory. The model is parsed once and its
 * serialized context shared, as the embedded engine compiles a definition once.
 */
export async function runPeer(instances: number, warmup: number, concurrency: number): Promise<PeerResult> {
  const parsed = new Engine({ name: 'parse', source: peerBpmn });
  const [definition] = await parsed.getDefinitions();
  if (!definition) throw new Error('bpmn-engine parsed no definition');
  // The serialized model (moddle-context-serializer) that `sourceContext` takes.
  const { definitionContext: sourceContext } = definition.context as unknown as {
    definitionContext: BpmnEngineOptions['sourceContext'];
  };

  const runOne = async (i: number) => {
    const engine = new Engine({ name: `bench-${i}`, sourceContext, services });
    const ended = engine.waitFor('end');
    const variables = startVariables(i);
    const execution = await engine.execute({ variables });
    await ended;
    const score = (execution.environment.output as Record<string, unknown>).score;
    if (score !== completion('bench.three', variables.amount).score)
      throw new Error(`bpmn-engine instance ${i}: unexpected score ${String(score)}`);
  };
  await pool(warmup, concurrency, runOne);
  const began = performance.now();
  await pool(instances, concurrency, (i) => runOne(warmup + i));
  const seconds = (performance.now() - began) / 1000;
  return { perSecond: instances / seconds, seconds };
}
