import type { FlowElement } from '../../model/types.ts';
import { eventBasedGatewayTriggered } from '../elements/event-based-gateway.ts';
import { triggerEventSubProcess } from '../runtime/event-sub-processes.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { repeatCycle, sweepCycles } from '../runtime/timer-cycles.ts';
import { fireStartTimer, isStartTimer } from './timer-start-events.ts';

const BATCH = 100;

/** Fires the timers due by the engine clock, oldest first; returns how many fired. */
export async function fireDueTimers(rt: Runtime): Promise<number> {
  const due = await rt.tx.all<{
    timer_key: unknown;
    element_instance_key: unknown;
    process_instance_key: unknown;
    definition_key: unknown;
    element_id: string;
  }>(
    `SELECT timer_key, element_instance_key, process_instance_key, definition_key, element_id FROM engine_timers
     WHERE due_at <= ? ORDER BY due_at, timer_key LIMIT ${BATCH}`,
    [rt.now],
  );
  for (const timer of due) {
    await rt.tx.run('DELETE FROM engine_timers WHERE timer_key = ?', [String(timer.timer_key)]);
    const process = await rt.loadProcess(String(timer.definition_key));
    const element = process.elements[timer.element_id] as FlowElement;
    if (isStartTimer(timer)) {
      await fireStartTimer(rt, process, element, timer);
      continue;
    }
    // A cycle arms its next timer first: the firing may end the owner, which disarms it again.
    if (element.timer?.kind === 'cycle') await repeatCycle(rt, element, timer);
    if (element.type === 'startEvent') {
      // The timer start of an event sub-process, owned by its scope (a sub-process or the process).
      const scope = {
        key: String(timer.element_instance_key),
        processInstanceKey: String(timer.process_instance_key),
      };
      if (await scopeActive(rt, scope.key, scope.processInstanceKey))
        await triggerEventSubProcess(rt, process, element, scope, { variables: {}, propagate: true });
      continue;
    }
    const instance = await rt.instances.element(String(timer.element_instance_key));
    if (instance?.state !== 'ACTIVE') continue;
    if (instance.elementType === 'eventBasedGateway') {
      await eventBasedGatewayTriggered(rt, process, instance, element, {});
    } else if (element.type === 'boundaryEvent') {
      // The timer belongs to the activity; firing activates the boundary event beside it.
      if (element.cancelActivity) await rt.terminate(instance);
      await rt.activate(process, element.id, instance.flowScopeKey, instance.processInstanceKey);
    } else {
      await rt.complete(process, instance, element.outgoing);
    }
  }
  if (due.length > 0) await sweepCycles(rt);
  return due.length;
}

async function scopeActive(rt: Runtime, key: string, processInstanceKey: string): Promise<boolean> {
  if (key === processInstanceKey) return (await rt.instances.process(key))?.state === 'ACTIVE';
  return (await rt.instances.element(key))?.state === 'ACTIVE';
}

/** When the next timer is due (epoch ms), if any. */
export async function nextTimerDue(rt: Runtime): Promise<number | undefined> {
  const [row] = await rt.tx.all<{ due: unknown }>('SELECT MIN(due_at) AS due FROM engine_timers');
  return row?.due === null || row?.due === undefined ? undefined : Number(row.due);
}
