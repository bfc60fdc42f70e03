import type { StoreTransaction } from '../store/store.ts';

export interface ElementInstance {
  key: string;
  processInstanceKey: string;
  flowScopeKey: string;
  elementId: string;
  elementType: string;
  /** COMPLETING: the job is done but its output mappings failed; resolving the incident retries them. */
  state: 'ACTIVE' | 'COMPLETING' | 'COMPLETED' | 'TERMINATED';
}

export interface ProcessInstance {
  key: string;
  definitionKey: string;
  bpmnProcessId: string;
  version: number;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
}

interface ElementRecord {
  element_instance_key: unknown;
  process_instance_key: unknown;
  flow_scope_key: unknown;
  element_id: string;
  element_type: string;
  state: ElementInstance['state'];
}

const toElement = (r: ElementRecord): ElementInstance => ({
  key: String(r.element_instance_key),
  processInstanceKey: String(r.process_instance_key),
  flowScopeKey: String(r.flow_scope_key),
  elementId: r.element_id,
  elementType: r.element_type,
  state: r.state,
});

/** Rows of process and element instances. */
export class InstanceState {
  constructor(private readonly tx: StoreTransaction) {}

  async insertProcess(p: ProcessInstance, now: number): Promise<void> {
    await this.tx.run(
      `INSERT INTO engine_process_instances (instance_key, definition_key, bpmn_process_id, version, state, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [p.key, p.definitionKey, p.bpmnProcessId, p.version, p.state, now],
    );
  }

  async process(key: string): Promise<ProcessInstance | undefined> {
    const [r] = await this.tx.all<{
      instance_key: unknown;
      definition_key: unknown;
      bpmn_process_id: string;
      version: unknown;
      state: ProcessInstance['state'];
    }>('SELECT * FROM engine_process_instances WHERE instance_key = ?', [key]);
    return (
      r && {
        key: String(r.instance_key),
        definitionKey: String(r.definition_key),
        bpmnProcessId: r.bpmn_process_id,
        version: Number(r.version),
        state: r.state,
      }
    );
  }

  async endProcess(key: string, state: 'COMPLETED' | 'TERMINATED', now: number): Promise<void> {
    await this.tx.run('UPDATE engine_process_instances SET state = ?, ended_at = ? WHERE instance_key = ?', [
      state,
      now,
      key,
    ]);
  }

  async insertElement(e: ElementInstance, now: number): Promise<void> {
    await this.tx.run(
      `INSERT INTO engine_element_instances
         (element_instance_key, process_instance_key, flow_scope_key, element_id, element_type, state, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [e.key, e.processInstanceKey, e.flowScopeKey, e.elementId, e.elementType, e.state, now],
    );
  }

  async element(key: string): Promise<ElementInstance | undefined> {
    const [r] = await this.tx.all<ElementRecord>(
      'SELECT * FROM engine_element_instances WHERE element_instance_key = ?',
      [key],
    );
    return r && toElement(r);
  }

  async setElementState(key: string, state: 'COMPLETING'): Promise<void> {
    await this.tx.run('UPDATE engine_element_instances SET state = ? WHERE element_instance_key = ?', [
      state,
      key,
    ]);
  }

  /** Every element instance of a process instance still holding a token (active or completing). */
  async liveElements(processInstanceKey: string): Promise<ElementInstance[]> {
    const rows = await this.tx.all<ElementRecord>(
      "SELECT * FROM engine_element_instances WHERE process_instance_key = ? AND state IN ('ACTIVE', 'COMPLETING')",
      [processInstanceKey],
    );
    return rows.map(toElement);
  }

  async endElement(key: string, state: 'COMPLETED' | 'TERMINATED', now: number): Promise<void> {
    await this.tx.run(
      'UPDATE engine_element_instances SET state = ?, ended_at = ? WHERE element_instance_key = ?',
      [state, now, key],
    );
  }

  /** Every element instance directly in a scope, whatever its state. */
  async children(scopeKey: string): Promise<ElementInstance[]> {
    const rows = await this.tx.all<ElementRecord>(
      'SELECT * FROM engine_element_instances WHERE flow_scope_key = ?',
      [scopeKey],
    );
    return rows.map(toElement);
  }

  async activeChildren(scopeKey: string): Promise<ElementInstance[]> {
    const rows = await this.tx.all<ElementRecord>(
      "SELECT * FROM engine_element_instances WHERE flow_scope_key = ? AND state IN ('ACTIVE', 'COMPLETING')",
      [scopeKey],
    );
    return rows.map(toElement);
  }

  /** Counts a token arriving at a joining gateway over `flowId`; returns the tokens waiting per flow. */
  async addJoinToken(scopeKey: string, gatewayId: string, flowId: string): Promise<Map<string, number>> {
    const changed = await this.tx.run(
      'UPDATE engine_join_tokens SET tokens = tokens + 1 WHERE scope_key = ? AND gateway_id = ? AND flow_id = ?',
      [scopeKey, gatewayId, flowId],
    );
    if (changed === 0) {
      await this.tx.run(
        'INSERT INTO engine_join_tokens (scope_key, gateway_id, flow_id, tokens) VALUES (?, ?, ?, 1)',
        [scopeKey, gatewayId, flowId],
      );
    }
    const rows = await this.tx.all<{ flow_id: string; tokens: unknown }>(
      'SELECT flow_id, tokens FROM engine_join_tokens WHERE scope_key = ? AND gateway_id = ?',
      [scopeKey, gatewayId],
    );
    return new Map(rows.map((r) => [r.flow_id, Number(r.tokens)]));
  }

  /** The tokens waiting at a joining gateway, per incoming flow. */
  async joinTokens(scopeKey: string, gatewayId: string): Promise<Map<string, number>> {
    const rows = await this.tx.all<{ flow_id: string; tokens: unknown }>(
      'SELECT flow_id, tokens FROM engine_join_tokens WHERE scope_key = ? AND gateway_id = ? AND tokens > 0',
      [scopeKey, gatewayId],
    );
    return new Map(rows.map((r) => [r.flow_id, Number(r.tokens)]));
  }

  /** Takes one waiting token from each incoming flow of a gateway that fires. */
  async consumeJoinTokens(scopeKey: string, gatewayId: string): Promise<void> {
    await this.tx.run(
      'UPDATE engine_join_tokens SET tokens = tokens - 1 WHERE scope_key = ? AND gateway_id = ?',
      [scopeKey, gatewayId],
    );
    await this.tx.run(
      'DELETE FROM engine_join_tokens WHERE scope_key = ? AND gateway_id = ? AND tokens <= 0',
      [scopeKey, gatewayId],
    );
  }
}
