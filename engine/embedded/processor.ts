import { EventEmitter } from 'node:events';
import type { Clock } from '../clock.ts';
import { checkExpression } from '../feel/index.ts';
import { GatewayError } from '../gateway/errors.ts';
import { compileBpmn } from '../model/compile.ts';
import type { ExecutableProcess } from '../model/types.ts';
import { Runtime } from './runtime/runtime.ts';
import type { EngineStore } from './store/store.ts';

/**
 * The single command processor: every command runs in one store transaction, in order, and
 * its effects (jobs to push, instances completed) are announced only after commit.
 */
export class CommandProcessor {
  /**
   * Emits `jobs:<type>` when jobs of that type became activatable, `completed:<key>` with the
   * root variables of a completed instance, and `clock` when the clock was moved.
   */
  readonly events = new EventEmitter().setMaxListeners(0);
  readonly #processes = new Map<string, ExecutableProcess>();

  constructor(
    readonly store: EngineStore,
    readonly clock: Clock,
  ) {
    // A moved clock may make backed-off and timed-out jobs activatable: wake waiting polls.
    this.#stopClock = clock.onChange(() => this.events.emit('clock'));
  }

  readonly #stopClock: () => void;

  #stopped: string | undefined;

  /** Refuses every further command, e.g. while another process holds the processor lease. */
  stop(reason: string): void {
    this.#stopped = reason;
  }

  resume(): void {
    this.#stopped = undefined;
  }

  close(): void {
    this.#stopClock();
    this.stop('The embedded engine is shutting down');
  }

  /** `beforeEffects` sees the result after commit and before effects are announced. */
  async run<T>(command: (rt: Runtime) => Promise<T>, beforeEffects?: (result: T) => void): Promise<T> {
    if (this.#stopped) throw new GatewayError('UNAVAILABLE', this.#stopped);
    let runtime: Runtime | undefined;
    const result = await this.store.transaction(async (tx) => {
      runtime = new Runtime(tx, this.clock.now(), (key) => this.#load(tx, key));
      const result = await command(runtime);
      await runtime.settle();
      return result;
    });
    beforeEffects?.(result);
    const effects = (runtime as Runtime | undefined)?.effects;
    for (const type of effects?.jobTypes ?? []) this.events.emit(`jobs:${type}`);
    for (const [key, variables] of effects?.completed ?? []) this.events.emit(`completed:${key}`, variables);
    if (effects?.timers) this.events.emit('timers');
    return result;
  }

  /** Compiled processes are immutable per definition key, so they are cached for good. */
  async #load(tx: Parameters<Parameters<EngineStore['transaction']>[0]>[0], definitionKey: string) {
    const cached = this.#processes.get(definitionKey);
    if (cached) return cached;
    const [row] = await tx.all<{ bpmn_process_id: string; resource_name: string; resource: string }>(
      'SELECT bpmn_process_id, resource_name, resource FROM engine_process_definitions WHERE definition_key = ?',
      [definitionKey],
    );
    if (!row) throw new Error(`No process definition with key ${definitionKey}`);
    const compiled = await compileBpmn(row.resource_name, row.resource, checkExpression);
    const process = compiled.processes.find((p) => p.bpmnProcessId === row.bpmn_process_id);
    if (!process)
      throw new Error(`Definition ${definitionKey} no longer compiles: ${JSON.stringify(compiled.problems)}`);
    this.#processes.set(definitionKey, process);
    return process;
  }
}
