import type { ExecutableProcess, FlowElement, SequenceFlow } from '../../model/types.ts';
import { terminateProcessInstance } from '../commands/cancel-instance.ts';
import { fireInclusiveJoins } from '../elements/inclusive-gateway.ts';
import { behaviorOf } from '../elements/index.ts';
import { innerCompleted, MULTI_INSTANCE_BODY } from '../elements/multi-instance-body.ts';
import type { StoreTransaction } from '../store/store.ts';
import { CallLinks } from './call-links.ts';
import { openEventSubProcesses } from './event-sub-processes.ts';
import { JobRows } from './jobs.ts';
import { processInstanceEnded } from './start-by-event.ts';
import { type ElementInstance, InstanceState, type ProcessInstance } from './state.ts';
import { closeSubscriptions } from './subscriptions.ts';
import { VariableStore } from './variables.ts';

export type IncidentType =
  | 'JOB_NO_RETRIES'
  | 'EXTRACT_VALUE_ERROR'
  | 'IO_MAPPING_ERROR'
  | 'CONDITION_ERROR'
  | 'UNHANDLED_ERROR_EVENT'
  | 'FORM_NOT_FOUND'
  | 'CALLED_ELEMENT_ERROR'
  | 'CALLED_DECISION_ERROR'
  | 'DECISION_EVALUATION_ERROR';

/** Element types whose instances contain other element instances. */
const SCOPE_TYPES = new Set(['subProcess', MULTI_INSTANCE_BODY]);

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
  readonly links: CallLinks;
  readonly effects: Effects = { jobTypes: new Set(), completed: new Map(), timers: false };

  constructor(
    readonly tx: StoreTransaction,
    readonly now: number,
    readonly loadProcess: (definitionKey: string) => Promise<ExecutableProcess>,
  ) {
    this.instances = new InstanceState(tx);
    this.variables = new VariableStore(tx);
    this.jobs = new JobRows(tx);
    this.links = new CallLinks(tx);
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

  /** Starts an instance at `startEventId` (by default the none start event); `before` as in `activate`. */
  async startProcess(
    instance: ProcessInstance,
    process: ExecutableProcess,
    variables: Record<string, unknown>,
    startEventId = process.startEventId,
    before?: (instance: ElementInstance) => Promise<boolean>,
  ) {
    if (startEventId === undefined)
      throw new Error(`Process '${process.bpmnProcessId}' has no none start event`);
    await this.instances.insertProcess(instance, this.now);
    await this.variables.setLocal(instance.key, instance.key, variables);
    const scope = { key: instance.key, processInstanceKey: instance.key };
    if (!(await openEventSubProcesses(this, process, process.eventSubProcessIds, scope))) return;
    await this.activate(process, startEventId, instance.key, instance.key, before);
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
    // A multi-instance activity is first its body; the body activates the inner instances.
    const type = element.multiInstance ? MULTI_INSTANCE_BODY : element.type;
    const instance: ElementInstance = {
      key: await this.tx.nextKey(),
      processInstanceKey,
      flowScopeKey,
      elementId,
      elementType: type,
      state: 'ACTIVE',
    };
    await this.instances.insertElement(instance, this.now);
    if (before && !(await before(instance))) return instance;
    await behaviorOf(type).activate(this, process, element, instance);
    return instance;
  }

  /** One inner instance of a multi-instance body, with its locals (loopCounter, the item). */
  async activateInner(
    process: ExecutableProcess,
    element: FlowElement,
    body: ElementInstance,
    locals: Record<string, unknown>,
  ): Promise<void> {
    const instance: ElementInstance = {
      key: await this.tx.nextKey(),
      processInstanceKey: body.processInstanceKey,
      flowScopeKey: body.key,
      elementId: element.id,
      elementType: element.type,
      state: 'ACTIVE',
    };
    await this.instances.insertElement(instance, this.now);
    await this.variables.setLocal(instance.key, instance.processInstanceKey, locals);
    await behaviorOf(element.type).activate(this, process, element, instance);
  }

  /** Completes an element and takes the given outgoing flows; with none, the scope may complete. */
  async complete(process: ExecutableProcess, instance: ElementInstance, flows: SequenceFlow[]) {
    await this.instances.endElement(instance.key, 'COMPLETED', this.now);
    const element = process.elements[instance.elementId];
    if (element?.boundaryEventIds || element?.eventSubProcessIds) await this.disarmBoundaryEvents(instance);
    // An inner instance of a multi-instance activity goes back to its body, not on.
    if (element?.multiInstance && instance.elementType !== MULTI_INSTANCE_BODY)
      return innerCompleted(this, process, element, instance);
    if (flows.length > 1) await this.#fork(process, flows, instance);
    else for (const flow of flows) await this.take(process, flow, instance);
    if (process.inclusiveJoinIds)
      this.checkJoins(process, instance.flowScopeKey, instance.processInstanceKey);
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
    if (instance.elementType === 'callActivity') await this.terminateCalledInstance(instance.key);
    await this.instances.endElement(instance.key, 'TERMINATED', this.now);
    await this.tx.run('DELETE FROM engine_jobs WHERE element_instance_key = ?', [instance.key]);
    await this.tx.run(
      "UPDATE engine_incidents SET state = 'RESOLVED' WHERE element_instance_key = ? AND state = 'ACTIVE'",
      [instance.key],
    );
    await this.disarmBoundaryEvents(instance);
  }

  /** Scopes with a fork under way: how many forks, and whether a branch tried to end the scope. */
  readonly #forks = new Map<string, { open: number; endAsked: boolean }>();

  /**
   * Takes several flows out of one element. Tokens run depth first here, so a branch that ends
   * at once (a gateway's default to an end event) would find the scope empty while the flows
   * after it are not taken yet and complete the scope too early; Zeebe counts taken flows as
   * tokens. The scope is only looked at again once every flow of the fork has been taken.
   */
  async #fork(process: ExecutableProcess, flows: SequenceFlow[], from: ElementInstance) {
    const scopeKey = from.flowScopeKey;
    const fork = this.#forks.get(scopeKey) ?? { open: 0, endAsked: false };
    fork.open += 1;
    this.#forks.set(scopeKey, fork);
    try {
      for (const flow of flows) await this.take(process, flow, from);
    } finally {
      fork.open -= 1;
      if (fork.open === 0) this.#forks.delete(scopeKey);
    }
    if (fork.open === 0 && fork.endAsked)
      await this.completeScopeIfDone(process, scopeKey, from.processInstanceKey);
  }

  readonly #joinChecks = new Map<string, { process: ExecutableProcess; processInstanceKey: string }>();

  /**
   * Asks for the inclusive joins of a scope to be looked at once the command's tokens have
   * settled: a fork takes its flows one by one, so a join looked at in between would see
   * branches that are about to start as absent.
   */
  checkJoins(process: ExecutableProcess, scopeKey: string, processInstanceKey: string) {
    this.#joinChecks.set(scopeKey, { process, processInstanceKey });
  }

  /** Runs the join checks asked for, until none is left (a join that fires may ask again). */
  async settle() {
    for (let next = this.#joinChecks.entries().next(); !next.done; next = this.#joinChecks.entries().next()) {
      const [scopeKey, { process, processInstanceKey }] = next.value;
      this.#joinChecks.delete(scopeKey);
      const fired = await fireInclusiveJoins(
        this,
        process,
        scopeKey,
        processInstanceKey,
        process.inclusiveJoinIds ?? [],
      );
      if (!fired) await this.completeScopeIfDone(process, scopeKey, processInstanceKey, true);
    }
  }

  /** Terminates the process instance a call activity instance started, if it still runs. */
  async terminateCalledInstance(callActivityInstanceKey: string) {
    const link = await this.links.childOf(callActivityInstanceKey);
    if (!link || (await this.instances.process(link.childInstanceKey))?.state !== 'ACTIVE') return;
    await terminateProcessInstance(this, link.childInstanceKey);
  }

  /** Terminates every token in a scope but `except` (terminate end events, interrupting event sub-processes). */
  async terminateChildren(scopeKey: string, except?: string) {
    for (const child of await this.instances.activeChildren(scopeKey))
      if (child.key !== except) await this.terminate(child);
    await this.tx.run('DELETE FROM engine_join_tokens WHERE scope_key = ?', [scopeKey]);
  }

  /** Removes the timers and subscriptions an instance owns: its own, its boundary events' and its event sub-processes'. */
  async disarmBoundaryEvents(instance: { key: string }) {
    await this.tx.run('DELETE FROM engine_timers WHERE element_instance_key = ?', [instance.key]);
    await closeSubscriptions(this, instance.key);
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
  async completeScopeIfDone(
    process: ExecutableProcess,
    scopeKey: string,
    processInstanceKey: string,
    joinsSettled = false,
  ) {
    const fork = this.#forks.get(scopeKey);
    if (fork) {
      fork.endAsked = true;
      return;
    }
    if ((await this.instances.activeChildren(scopeKey)).length > 0) return;
    if (process.inclusiveJoinIds && !joinsSettled) {
      // Tokens waiting at an inclusive join may still fire it: look once everything has settled.
      return this.checkJoins(process, scopeKey, processInstanceKey);
    }
    if (scopeKey === processInstanceKey) {
      const state = await this.instances.process(processInstanceKey);
      if (state?.state !== 'ACTIVE') return;
      if (process.eventSubProcessIds.length > 0) await this.disarmBoundaryEvents({ key: processInstanceKey });
      await this.instances.endProcess(processInstanceKey, 'COMPLETED', this.now);
      await processInstanceEnded(this, processInstanceKey, process);
      const variables = await this.variables.visible([processInstanceKey]);
      this.effects.completed.set(processInstanceKey, variables);
      const link = await this.links.parentOf(processInstanceKey);
      if (link) await this.#returnToCaller(link.parentElementInstanceKey, variables);
      return;
    }
    const scope = await this.instances.element(scopeKey);
    if (scope?.state !== 'ACTIVE') return;
    const element = process.elements[scope.elementId] as FlowElement;
    const behavior = behaviorOf(element.type);
    if (!behavior.completeScope) throw new Error(`Element '${element.id}' is not a scope`);
    await behavior.completeScope(this, process, element, scope);
  }

  /** A called process instance completed: its call activity goes on with the child's variables. */
  async #returnToCaller(callActivityInstanceKey: string, variables: Record<string, unknown>) {
    const caller = await this.instances.element(callActivityInstanceKey);
    if (caller?.state !== 'ACTIVE') return;
    const owner = await this.instances.process(caller.processInstanceKey);
    const process = await this.loadProcess(owner?.definitionKey as string);
    const element = process.elements[caller.elementId] as FlowElement;
    await behaviorOf(element.type).childCompleted?.(this, process, element, caller, variables);
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
