import type { ElementType } from '../../model/types.ts';
import type { ElementBehavior } from './behavior.ts';
import { boundaryEvent } from './boundary-event.ts';
import { businessRuleTask } from './business-rule-task.ts';
import { callActivity } from './call-activity.ts';
import { endEvent } from './end-event.ts';
import { eventBasedGateway } from './event-based-gateway.ts';
import { exclusiveGateway } from './exclusive-gateway.ts';
import { inclusiveGateway } from './inclusive-gateway.ts';
import { intermediateCatchEvent } from './intermediate-catch-event.ts';
import { intermediateThrowEvent } from './intermediate-throw-event.ts';
import { jobTask } from './job-task.ts';
import { manualTask } from './manual-task.ts';
import { MULTI_INSTANCE_BODY, multiInstanceBody } from './multi-instance-body.ts';
import { parallelGateway } from './parallel-gateway.ts';
import { receiveTask } from './receive-task.ts';
import { startEvent } from './start-event.ts';
import { subProcess } from './sub-process.ts';

/** Every supported element type and its behaviour; the compiler rejects the others at deploy. */
const BEHAVIORS: Record<ElementType, ElementBehavior> = {
  startEvent,
  endEvent,
  serviceTask: jobTask,
  sendTask: jobTask,
  scriptTask: jobTask,
  userTask: jobTask,
  receiveTask,
  businessRuleTask,
  manualTask,
  exclusiveGateway,
  parallelGateway,
  inclusiveGateway,
  eventBasedGateway,
  intermediateCatchEvent,
  intermediateThrowEvent,
  boundaryEvent,
  subProcess,
  callActivity,
};

export function behaviorOf(type: ElementType | string): ElementBehavior {
  if (type === MULTI_INSTANCE_BODY) return multiInstanceBody;
  const behavior = BEHAVIORS[type as ElementType];
  if (!behavior) throw new Error(`No behaviour for element type '${type}'`);
  return behavior;
}
