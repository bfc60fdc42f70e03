import type { ExecutableProcess, FlowElement, SequenceFlow } from '../../model/types.ts';
import { behaviorOf } from '../elements/index.ts';
import type { StoreTransaction } from '../store/store.ts';
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

  async startProcess(
    instance: ProcessInstance,
    process: ExecutableProcess,
    variables: Record<string, unknown>,
  ) {
    await this.instances.insertProcess(instance, this.now);
    await this.variables.setLocal(instance.key, instance.key, variables);
    await this.activate(process, process.startEventId, instance.key, instance.key);
  }

  async activate(
    process: ExecutableProcess,
    elementId: string,
    flowScopeKey: string,
    processInstanceKey: string,
  ) {
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
    await behaviorOf(element.type).activate(this, process, element, instance);
  }

  /** Completes an element and takes the given outgoing flows; with none, the scope may complete. */
  async complete(process: ExecutableProcess, instance: ElementInstance, flows: SequenceFlow[]) {
    await this.instances.endElement(instance.key, 'COMPLETED', this.now);
    if (process.elements[instance.elementId]?.boundaryEventIds) await this.disarmBoundaryEvents(instance);
    for (const flow of flows) await this.take(process, flow, instance);
    if (flows.length === 0)
      await this.completeScopeIfDone(process, instance.flowScopeKey, instance.processInstanceKey);
  }

  /** Ends an activity because a boundary event interrupted it: its job and timers go too. */
  async terminate(instance: ElementInstance) {
    await this.instances.endElement(instance.key, 'TERMINATED', this.now);
    await this.tx.run('DELETE FROM engine_jobs WHERE element_instance_key = ?', [instance.key]);
    await this.tx.run(
      "UPDATE engine_incidents SET state = 'RESOLVED' WHERE element_instance_key = ? AND state = 'ACTIVE'",
      [instance.key],
    );
    await this.disarmBoundaryEvents(instance);
  }

  async disarmBoundaryEvents(instance: ElementInstance) {
    await this.tx.run('DELETE FROM engine_timers WHERE element_instance_key = ?', [instance.key]);
  }

  async take(process: ExecutableProcess, flow: SequenceFlow, from: ElementInstance) {
    const target = process.elements[flow.targetId] as FlowElement;
    await behaviorOf(target.type).arrive?.(this, process, target, flow, from);
    if (!behaviorOf(target.type).arrive)
      await this.activate(process, target.id, from.flowScopeKey, from.processInstanceKey);
  }

  async completeScopeIfDone(_process: ExecutableProcess, scopeKey: string, processInstanceKey: string) {
    if ((await this.instances.activeChildren(scopeKey)).length > 0) return;
    if (scopeKey === processInstanceKey) {
      const state = await this.instances.process(processInstanceKey);
      if (state?.state !== 'ACTIVE') return;
      await this.instances.endProcess(processInstanceKey, 'COMPLETED', this.now);
      this.effects.completed.set(processInstanceKey, await this.variables.visible([processInstanceKey]));
    }
  }

  async raiseIncident(instance: ElementInstance, type: IncidentType, message: string, jobKey?: string) {
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
