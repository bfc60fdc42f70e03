import type { ExecutableProcess } from '../../model/types.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { openMessageAndSignalStartEvents } from './message-start-events.ts';
import { openTimerStartEvents } from './timer-start-events.ts';

/** A process version that has just become the latest of its BPMN process id. */
export interface NewVersion {
  process: ExecutableProcess;
  definitionKey: string;
  /** The version it replaces as the latest, if any. */
  previousDefinitionKey: string | undefined;
}

/**
 * Start events that wait for something (timers, messages, signals) belong to the latest
 * version of a process only (ZEEBE-SEMANTICS §12): inside the deployment's transaction, each
 * new version opens its own and closes those of the version it replaces.
 */
export async function openStartEvents(rt: Runtime, deploymentKey: string): Promise<void> {
  const created = await rt.tx.all<{ definition_key: unknown; bpmn_process_id: string; version: unknown }>(
    'SELECT definition_key, bpmn_process_id, version FROM engine_process_definitions WHERE deployment_key = ?',
    [deploymentKey],
  );
  for (const row of created) {
    const definitionKey = String(row.definition_key);
    const process = await rt.loadProcess(definitionKey);
    // Before the skip below: a version without timer starts still cancels its predecessor's.
    await openTimerStartEvents(rt, process, definitionKey);
    await openMessageAndSignalStartEvents(rt, process, definitionKey);
    if (process.startEventIds.every((id) => process.elements[id]?.eventKind === undefined)) continue;
    const [previous] = await rt.tx.all<{ definition_key: unknown }>(
      `SELECT definition_key FROM engine_process_definitions WHERE bpmn_process_id = ? AND version < ?
       ORDER BY version DESC LIMIT 1`,
      [row.bpmn_process_id, Number(row.version)],
    );
    const version: NewVersion = {
      process,
      definitionKey,
      previousDefinitionKey: previous ? String(previous.definition_key) : undefined,
    };
    // Each kind of start event opens and closes its own subscriptions here.
    void version;
  }
}
