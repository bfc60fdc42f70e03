import type { FlowNodeNode, ModdleNode } from './parse.ts';
import type { Problems } from './problems.ts';
import type { ElementType, MultiInstance } from './types.ts';
import { extension } from './zeebe-extensions.ts';

interface LoopNode extends ModdleNode {
  readonly isSequential?: boolean;
  readonly completionCondition?: { readonly body?: string };
}

/** Activities that may run as multi-instance. */
const LOOPABLE = new Set<ElementType>([
  'serviceTask',
  'sendTask',
  'scriptTask',
  'userTask',
  'manualTask',
  'businessRuleTask',
  'subProcess',
  'callActivity',
]);

const TARGET = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * `bpmn:multiInstanceLoopCharacteristics` with `zeebe:loopCharacteristics` (ZEEBE-SEMANTICS
 * §10): inputCollection an expression; inputElement and outputCollection static names;
 * outputElement and completionCondition expressions; both outputs or neither.
 */
export function compileMultiInstance(
  node: FlowNodeNode,
  id: string,
  type: ElementType,
  problems: Problems,
): MultiInstance | undefined {
  const loop = node.loopCharacteristics as LoopNode;
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    problems.add(id, `${loop.$type} is not supported (use a multi-instance marker)`);
    return undefined;
  }
  if (!LOOPABLE.has(type) || node.triggeredByEvent) {
    problems.add(id, `a ${type} cannot be multi-instance`);
    return undefined;
  }
  const zeebe = extension(loop, id, 'zeebe:LoopCharacteristics', problems);
  const input = problems.value(
    id,
    '<zeebe:loopCharacteristics inputCollection>',
    zeebe?.inputCollection ?? '',
    {
      expressionOnly: true,
    },
  );
  if (input?.kind !== 'expression') return undefined;
  const result: MultiInstance = { sequential: loop.isSequential === true, inputCollection: input.source };
  for (const [field, raw] of [
    ['inputElement', zeebe?.inputElement],
    ['outputCollection', zeebe?.outputCollection],
  ] as const) {
    if (raw === undefined || raw.trim() === '') continue;
    if (!TARGET.test(raw.trim())) {
      problems.add(id, `<zeebe:loopCharacteristics ${field}> '${raw}' must be a variable name`);
      return undefined;
    }
    result[field] = raw.trim();
  }
  if (zeebe?.outputElement !== undefined && zeebe.outputElement.trim() !== '') {
    const output = problems.value(id, '<zeebe:loopCharacteristics outputElement>', zeebe.outputElement, {
      expressionOnly: true,
    });
    if (output?.kind !== 'expression') return undefined;
    result.outputElement = output.source;
  }
  if ((result.outputCollection === undefined) !== (result.outputElement === undefined)) {
    problems.add(id, '<zeebe:loopCharacteristics> needs both outputCollection and outputElement, or neither');
    return undefined;
  }
  const condition = loop.completionCondition?.body?.trim();
  if (condition) {
    const value = problems.value(id, 'the completion condition', condition, { expressionOnly: true });
    if (value?.kind !== 'expression') return undefined;
    result.completionCondition = value.source;
  }
  return result;
}
