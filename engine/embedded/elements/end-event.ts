import type { ElementBehavior } from './behavior.ts';

/** A none end event: the token ends; the scope completes when no token is left in it. */
export const endEvent: ElementBehavior = {
  activate: (rt, process, _element, instance) => rt.complete(process, instance, []),
};
