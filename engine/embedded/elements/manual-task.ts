import { type ElementBehavior, passThrough } from './behavior.ts';

/** A manual task is done outside any system: the engine passes through it. */
export const manualTask: ElementBehavior = passThrough;
