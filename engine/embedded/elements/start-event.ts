import { type ElementBehavior, passThrough } from './behavior.ts';

/** A none start event: the instance's first token passes straight through. */
export const startEvent: ElementBehavior = passThrough;
