import { type ElementBehavior, passThrough } from './behavior.ts';

/** A boundary event is activated when its trigger fires (a timer, so far) and passes the token on. */
export const boundaryEvent: ElementBehavior = passThrough;
