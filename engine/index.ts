// The engine's public entry: modules import the engine only from here.

export { type CheckedResource, checkResource } from './check-resource.ts';
export {
  createCamundaAuthHeaders,
  createZeebeClient,
  type ZeebeClientOptions,
  type ZeebeGrpcClient,
} from './client.ts';
export { type Clock, ControlledClock } from './clock.ts';
export { type EmbeddedEngine, type EmbeddedEngineOptions, startEmbeddedEngine } from './embedded/engine.ts';
export { type FormRow, readForm } from './embedded/store/forms.ts';
export type { EngineStorage, EngineStore } from './embedded/store/store.ts';
export { createClockHandler } from './gateway/clock-handler.ts';
export { createReadApiHandler } from './gateway/v2-read.ts';
export {
  formatLintProblem,
  type LintOptions,
  type LintProblem,
  type LintRuleSetting,
  lintBpmn,
} from './model/lint.ts';
export { BpmnError, defineWorker, type WorkerDefinition, type WorkerJob } from './worker.ts';
