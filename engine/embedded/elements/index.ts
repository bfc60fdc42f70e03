import type { ElementType } from '../../model/types.ts';
import type { ElementBehavior } from './behavior.ts';
import { boundaryEvent } from './boundary-event.ts';
import { endEvent } from './end-event.ts';
import { exclusiveGateway } from './exclusive-gateway.ts';
import { intermediateThrowEvent } from './intermediate-throw-event.ts';
import { jobTask } from './job-task.ts';
import { manualTask } from './manual-task.ts';
import { parallelGateway } from './parallel-gateway.ts';
import { startEvent } from './start-event.ts';
import { subProcess } from './sub-process.ts';
import { timerCatchEvent } from './timer-catch-event.ts';

/** Every supported element type and its behaviour; the compiler rejects the others at deploy. */
const BEHAVIORS: Record<ElementType, ElementBehavior> = {
  startEvent,
  endEvent,
  serviceTask: jobTask,
  sendTask: jobTask,
  scriptTask: jobTask,
  userTask: jobTask,
  manualTask,
  exclusiveGateway,
  parallelGateway,
  intermediateCatchEvent: timerCatchEvent,
  intermediateThrowEvent,
  boundaryEvent,
  subProcess,
};

export function behaviorOf(type: ElementType | string): ElementBehavior {
  const behavior = BEHAVIORS[type as ElementType];
  if (!behavior) throw new Error(`No behaviour for element type '${type}'`);
  return behavior;
}
