import type { ModdleNode } from './parse.ts';
import type { Problems } from './problems.ts';
import type { CalledElement } from './types.ts';
import { extension } from './zeebe-extensions.ts';

/**
 * `zeebe:calledElement` of a call activity (ZEEBE-SEMANTICS §9): the process id, static or
 * FEEL; the latest version, or the one deployed with the caller (bindingType deployment);
 * both propagation flags default to true.
 */
export function compileCalledElement(
  node: ModdleNode,
  id: string,
  problems: Problems,
): CalledElement | undefined {
  const called = extension(node, id, 'zeebe:CalledElement', problems);
  const raw = called?.processId ?? '';
  if (raw.trim() === '') {
    problems.add(id, 'a call activity needs <zeebe:calledElement processId>');
    return undefined;
  }
  const processId = problems.value(id, '<zeebe:calledElement processId>', raw.trim());
  if (!processId) return undefined;
  const binding = called?.bindingType ?? 'latest';
  if (binding !== 'latest' && binding !== 'deployment') {
    problems.add(
      id,
      `<zeebe:calledElement bindingType="${binding}"> is not supported yet (latest and deployment are)`,
    );
    return undefined;
  }
  return {
    processId,
    binding,
    propagateAllChildVariables: called?.propagateAllChildVariables !== false,
    propagateAllParentVariables: called?.propagateAllParentVariables !== false,
  };
}
