import type { ExecutableProcess, FlowElement, SequenceFlow } from '../../model/types.ts';
import { behaviorOf } from '../elements/index.ts';
import type { StoreTransaction } from '../store/store.ts';
import { openEventSubProcesses } from './event-sub-processes.ts';
import { JobRows } from './jobs.ts';
import { type ElementInstance, InstanceState, type ProcessInstance } from './state.ts';
import { VariableStore } from './variables.ts';

export type IncidentType =
  | 'JOB_NO_RETRIES'
  | 'EXTRACT_VALUE_ERROR'
  | 'IO_MAPPING_ERROR'
  | 'CONDITION_ERROR'
  | 'UNHANDLED_ERROR_EVENT'
  | 'FORM_NOT_FOUND';

/** Element types whose instances contain other element instances. */
const SCOPE_TYPES = new Set(['subProcess']);

/** What happened in one transaction that the engine must act on after commit. */
export interface Effects {
  /** Job types that gained activatable jobs (wakes long-polling ActivateJobs calls). */
  jobTypes: Set<string>;
  /** Process instances that completed, with their root variables (answers with-result calls). */
  completed: Map<string, Record<string, unknown>>;
  /** Whether timers were created (the scheduler looks for the next due one again). */
  timers: boolean;
}

/**
 * Moves tokens through one process instance inside one transaction: activates elements,
 * runs their behaviour, takes sequence flows, completes scopes (ZEEBE-SEMANTICS §1, §4).
 */
export class Runtime {
  readonly instances: InstanceState;
  readonly variables: VariableStore;
  readonly jobs: JobRows;
  readonly effects: Effects = { jobTypes: new Set(), completed: new Map(), timers: false };

  constructor(
    readonly tx: StoreTransaction,
    readonly now: number,
    readonly loadProcess: (definitionKey: string) => Promise<ExecutableProcess>,
  ) {
    this.instances = new InstanceState(tx);
    this.variables = new VariableStore(tx);
    this.jobs = new JobRows(tx);
  }

  /** The scope chain of an element instance, innermost first, ending at the process instance. */
  async scopeChain(instance: ElementInstance): Promise<string[]> {
    const chain = [instance.key];
    let scope = instance.flowScopeKey;
    while (scope !== instance.processInstanceKey) {
      chain.push(scope);
      const parent = await this.instances.element(scope);
      if (!parent) break;
      scope = parent.flowScopeKey;
    }
    chain.push(instance.processInstanceKey);
    return chain;
  }

  /** Starts an instance at `startEventId` (by default the none start event). */
  async startProcess(
    instance: ProcessInstance,
    process: ExecutableProcess,
    variables: Record<string, unknown>,
    startEventId = process.startEventId,
  ) {
    if (startEventId === undefined)
      throw new Error(`Process '${process.bpmnProcessId}' has no none start event`);
    await this.instances.insertProcess(instance, this.now);
    await this.variables.setLocal(instance.key, instance.key, variables);
    const scope = { key: instance.key, processInstanceKey: instance.key };
    if (!(await openEventSubProcesses(this, process, process.eventSubProcessIds, scope))) return;
    await this.activate(process, startEventId, instance.key, instance.key);
  }

  /**
   * Activates an element in a flow scope and runs its behaviour. `before` runs between the
   * two (a catch event's payload); when it returns false the element stays where it is.
   */
  async activate(
    process: ExecutableProcess,
    elementId: string,
    flowScopeKey: string,
    processInstanceKey: string,
    before?: (instance: ElementInstance) => Promise<boolean>,
  ): Promise<ElementInstance> {
    const element = process.elements[elementId];
    if (!element) throw new Error(`Process '${process.bpmnProcessId}' has no element '${elementId}'`);
    const instance: ElementInstance = {
      key: await this.tx.nextKey(),
      processInstanceKey,
      flowScopeKey,
      elementId,
      elementType: element.type,
      state: 'ACTIVE',
    };
    await this.instances.insertElement(instance, this.now);
    if (before && !(await before(instance))) return instance;
    await behaviorOf(element.type).activate(this, process, element, instance);
    return instance;
  }

  /** Completes an element and takes the given outgoing flows; with none, the scope may complete. */
  async complete(process: ExecutableProcess, instance: ElementInstance, flows: SequenceFlow[]) {
    await this.instances.endElement(instance.key, 'COMPLETED', this.now);
    const element = process.elements[instance.elementId];
    if (element?.boundaryEventIds || element?.eventSubProcessIds) await this.disarmBoundaryEvents(instance);
    for (const flow of flows) await this.take(process, flow, instance);
    if (flows.length === 0)
      await this.completeScopeIfDone(process, instance.flowScopeKey, instance.processInstanceKey);
  }

  /**
   * Ends an element instance without completing it (an interrupting event, a terminate end
   * event, cancellation): the instances inside it first, then its job, timers and incidents.
   */
  async terminate(instance: ElementInstance) {
    if (SCOPE_TYPES.has(instance.elementType)) {
      for (const child of await this.instances.activeChildren(instance.key)) await this.terminate(child);
      await this.tx.run('DELETE FROM engine_join_tokens WHERE scope_key = ?', [instance.key]);
    }
    await this.instances.endElement(instance.key, 'TERMINATED', this.now);
    await this.tx.run('DELETE FROM engine_jobs WHERE element_instance_key = ?', [instance.key]);
    await this.tx.run(
      "UPDATE engine_incidents SET state = 'RESOLVED' WHERE element_instance_key = ? AND state = 'ACTIVE'",
      [instance.key],
    );
    await this.disarmBoundaryEvents(instance);
  }

  /** Terminates every token in a scope but `except` (terminate end events, interrupting event sub-processes). */
  async terminateChildren(scopeKey: string, except?: string) {
    for (const child of await this.instances.activeChildren(scopeKey))
      if (child.key !== except) await this.terminate(child);
    await this.tx.run('DELETE FROM engine_join_tokens WHERE scope_key = ?', [scopeKey]);
  }

  /** Removes the timers an instance owns: its boundary events' and its event sub-processes'. */
  async disarmBoundaryEvents(instance: { key: string }) {
    await this.tx.run('DELETE FROM engine_timers WHERE element_instance_key = ?', [instance.key]);
  }

  async take(process: ExecutableProcess, flow: SequenceFlow, from: ElementInstance) {
    const target = process.elements[flow.targetId] as FlowElement;
    await behaviorOf(target.type).arrive?.(this, process, target, flow, from);
    if (!behaviorOf(target.type).arrive)
      await this.activate(process, target.id, from.flowScopeKey, from.processInstanceKey);
  }

  /**
   * A scope whose last token has gone completes: the process instance, or a sub-process, whose
   * behaviour then applies its output mappings and leaves over its outgoing flows.
   */
  async completeScopeIfDone(process: ExecutableProcess, scopeKey: string, processInstanceKey: string) {
    if ((await this.instances.activeChildren(scopeKey)).length > 0) return;
    if (scopeKey === processInstanceKey) {
      const state = await this.instances.process(processInstanceKey);
      if (state?.state !== 'ACTIVE') return;
      if (process.eventSubProcessIds.length > 0) await this.disarmBoundaryEvents({ key: processInstanceKey });
      await this.instances.endProcess(processInstanceKey, 'COMPLETED', this.now);
      this.effects.completed.set(processInstanceKey, await this.variables.visible([processInstanceKey]));
      return;
    }
    const scope = await this.instances.element(scopeKey);
    if (scope?.state !== 'ACTIVE') return;
    const element = process.elements[scope.elementId] as FlowElement;
    const behavior = behaviorOf(element.type);
    if (!behavior.completeScope) throw new Error(`Element '${element.id}' is not a scope`);
    await behavior.completeScope(this, process, element, scope);
  }

  async raiseIncident(
    instance: Pick<ElementInstance, 'key' | 'processInstanceKey' | 'elementId'>,
    type: IncidentType,
    message: string,
    jobKey?: string,
  ) {
    await this.tx.run(
      `INSERT INTO engine_incidents (incident_key, process_instance_key, element_instance_key, job_key, element_id,
         error_type, error_message, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)`,
      [
        await this.tx.nextKey(),
        instance.processInstanceKey,
        instance.key,
        jobKey ?? null,
        instance.elementId,
        type,
        message.slice(0, 10_000),
        this.now,
      ],
    );
  }
}
