import type { ModdleNode } from './parse.ts';
import type { Problems } from './problems.ts';
import type { CalledDecision, FlowElement } from './types.ts';
import { compileTaskDefinition, hasExtension, xmlName } from './zeebe-extensions.ts';

interface CalledDecisionNode extends ModdleNode {
  decisionId?: string;
  resultVariable?: string;
  bindingType?: string;
  versionTag?: string;
}

/**
 * A business rule task runs one of two ways (ZEEBE-SEMANTICS §11): with `zeebe:calledDecision`
 * the engine evaluates a deployed decision itself; with `zeebe:taskDefinition` it is a job
 * like a service task. It needs exactly one of them.
 */
export function compileBusinessRuleTask(
  node: ModdleNode,
  elementId: string,
  problems: Problems,
): Pick<FlowElement, 'calledDecision' | 'job'> {
  const called = (node.extensionElements?.values ?? []).filter(
    (value): value is CalledDecisionNode => value.$type === 'zeebe:CalledDecision',
  );
  const job = hasExtension(node, 'zeebe:TaskDefinition');
  if (called.length + (job ? 1 : 0) !== 1) {
    problems.add(
      elementId,
      called.length > 1
        ? `has more than one <${xmlName('zeebe:CalledDecision')}>`
        : 'a business rule task needs either one <zeebe:calledDecision> (a decision the engine evaluates) ' +
            'or one <zeebe:taskDefinition> (a job for a worker), not both and not neither',
    );
    return {};
  }
  if (job) {
    const definition = compileTaskDefinition(node, elementId, 'business rule task', problems);
    return definition ? { job: definition } : {};
  }
  const calledDecision = compileCalledDecision(called[0] as CalledDecisionNode, elementId, problems);
  return calledDecision ? { calledDecision } : {};
}

function compileCalledDecision(
  node: CalledDecisionNode,
  elementId: string,
  problems: Problems,
): CalledDecision | undefined {
  let valid = true;
  // moddle reports a default bindingType of "latest": only an explicit attribute counts.
  const bindingType = Object.hasOwn(node, 'bindingType') ? node.bindingType : undefined;
  if (bindingType !== undefined && bindingType !== 'latest') {
    valid = false;
    problems.add(
      elementId,
      `<zeebe:calledDecision bindingType="${bindingType}"> is not supported yet (only "latest": ` +
        'the latest deployed version of the decision is evaluated)',
    );
  }
  const rawId = node.decisionId ?? '';
  if (rawId.trim() === '') {
    valid = false;
    problems.add(elementId, '<zeebe:calledDecision decisionId> must be present and not empty');
  }
  const decisionId =
    rawId.trim() === '' ? undefined : problems.value(elementId, '<zeebe:calledDecision decisionId>', rawId);
  const resultVariable = node.resultVariable ?? '';
  if (resultVariable.trim() === '') {
    valid = false;
    problems.add(elementId, '<zeebe:calledDecision resultVariable> must be present and not empty');
  }
  return valid && decisionId ? { decisionId, resultVariable } : undefined;
}
