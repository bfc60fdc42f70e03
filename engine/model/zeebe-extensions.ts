import type {
  ZeebeAssignmentDefinition,
  ZeebeFormDefinition,
  ZeebeHeader,
  ZeebeInputOutputParameter,
  ZeebePriorityDefinition,
  ZeebeTaskDefinition,
  ZeebeTaskSchedule,
} from 'zeebe-bpmn-moddle/types';
import type { ModdleNode } from './parse.ts';
import type { Problems } from './problems.ts';
import type { JobDefinition, Mapping, ValueOrExpression } from './types.ts';

/** The zeebe extension elements the compiler reads, by moddle type. */
interface ZeebeExtensions {
  'zeebe:TaskDefinition': ZeebeTaskDefinition;
  'zeebe:TaskHeaders': { values?: ZeebeHeader[] };
  'zeebe:IoMapping': {
    inputParameters?: ZeebeInputOutputParameter[];
    outputParameters?: ZeebeInputOutputParameter[];
  };
  'zeebe:AssignmentDefinition': ZeebeAssignmentDefinition;
  'zeebe:TaskSchedule': ZeebeTaskSchedule;
  'zeebe:FormDefinition': ZeebeFormDefinition & { bindingType?: string; versionTag?: string };
  'zeebe:PriorityDefinition': ZeebePriorityDefinition;
  'zeebe:UserTask': object;
  'zeebe:CalledElement': {
    processId?: string;
    propagateAllChildVariables?: boolean;
    propagateAllParentVariables?: boolean;
    bindingType?: string;
    versionTag?: string;
  };
  'zeebe:LoopCharacteristics': {
    inputCollection?: string;
    inputElement?: string;
    outputCollection?: string;
    outputElement?: string;
  };
  'zeebe:Script': object;
}

/**
 * Extensions that change how Zeebe 8.8 runs an element but that this engine does not run
 * yet: deploying them and ignoring them would behave differently from Zeebe.
 */
const NOT_SUPPORTED_YET = [
  'zeebe:ExecutionListeners',
  'zeebe:TaskListeners',
  'zeebe:LinkedResources',
  'zeebe:JobPriorityDefinition',
];

/** `zeebe:TaskDefinition` → `zeebe:taskDefinition`, as the XML writes it. */
export function xmlName(type: string): string {
  const [prefix, local = ''] = type.split(':');
  return `${prefix}:${local.charAt(0).toLowerCase()}${local.slice(1)}`;
}

export function hasExtension(node: ModdleNode, type: keyof ZeebeExtensions): boolean {
  return (node.extensionElements?.values ?? []).some((value) => value.$type === type);
}

/** The element's one extension of `type`; Zeebe rejects a repeated one. */
export function extension<K extends keyof ZeebeExtensions>(
  node: ModdleNode,
  elementId: string,
  type: K,
  problems: Problems,
): (ZeebeExtensions[K] & ModdleNode) | undefined {
  const found = (node.extensionElements?.values ?? []).filter((value) => value.$type === type);
  if (found.length > 1) problems.add(elementId, `has more than one <${xmlName(type)}>`);
  return found[0] as (ZeebeExtensions[K] & ModdleNode) | undefined;
}

export function rejectUnsupportedExtensions(node: ModdleNode, elementId: string, problems: Problems): void {
  for (const value of node.extensionElements?.values ?? []) {
    if (NOT_SUPPORTED_YET.includes(value.$type)) {
      problems.add(elementId, `<${xmlName(value.$type)}> is not supported yet`);
    }
  }
}

/** `zeebe:taskDefinition` of a service, send or script task: type required, retries "3" by default. */
export function compileTaskDefinition(
  node: ModdleNode,
  elementId: string,
  kind: string,
  problems: Problems,
): JobDefinition | undefined {
  const definition = extension(node, elementId, 'zeebe:TaskDefinition', problems);
  const headers = compileHeaders(node, elementId, problems);
  const rawType = definition?.type ?? '';
  if (rawType.trim() === '') {
    problems.add(elementId, `a ${kind} needs <zeebe:taskDefinition type>`);
    return undefined;
  }
  const type = problems.value(elementId, '<zeebe:taskDefinition type>', rawType);
  const rawRetries = definition?.retries;
  let retries: ValueOrExpression | undefined = { kind: 'static', value: '3' };
  if (rawRetries !== undefined && rawRetries.trim() === '') {
    problems.add(elementId, '<zeebe:taskDefinition retries> must not be empty');
    retries = undefined;
  } else if (rawRetries !== undefined) {
    // Zeebe checks only presence and syntax here: a static non-number is an incident at runtime.
    retries = problems.value(elementId, '<zeebe:taskDefinition retries>', rawRetries);
  }
  return type && retries ? { type, retries, headers } : undefined;
}

const RESERVED_HEADER_PREFIX = 'io.camunda.zeebe:';

/** `zeebe:taskHeaders`: static values; entries with an empty key or value are dropped (§2). */
export function compileHeaders(
  node: ModdleNode,
  elementId: string,
  problems: Problems,
): Record<string, string> {
  const entries = extension(node, elementId, 'zeebe:TaskHeaders', problems)?.values ?? [];
  const headers = new Map<string, string>();
  const keys = new Set<string>();
  for (const { key = '', value = '' } of entries) {
    if (key.startsWith(RESERVED_HEADER_PREFIX)) {
      problems.add(
        elementId,
        `header key '${key}' is reserved: keys starting with '${RESERVED_HEADER_PREFIX}' are for the engine`,
      );
    }
    if (key !== '' && keys.has(key)) problems.add(elementId, `has more than one header with key '${key}'`);
    keys.add(key);
    if (key !== '' && value !== '') headers.set(key, value);
  }
  // fromEntries defines own properties, so a key like "__proto__" stays a plain header.
  return Object.fromEntries(headers);
}

/** Zeebe's pattern for mapping targets: a variable name or a dotted path. */
const PATH = /^[a-zA-Z_][a-zA-Z0-9_]*(\.[a-zA-Z_][a-zA-Z0-9_]*)*$/;
const RESERVED_WORDS = new Set('null true false function if then else for between instance of'.split(' '));

/** `zeebe:ioMapping`: input sources static or FEEL; output sources FEEL only; targets paths. */
export function compileMappings(
  node: ModdleNode,
  elementId: string,
  problems: Problems,
): { inputMappings: Mapping[]; outputMappings: Mapping[] } {
  const io = extension(node, elementId, 'zeebe:IoMapping', problems);
  const compile = (direction: 'input' | 'output') => (parameter: ZeebeInputOutputParameter) =>
    compileMapping(parameter, direction, elementId, problems) ?? [];
  return {
    inputMappings: (io?.inputParameters ?? []).flatMap(compile('input')),
    outputMappings: (io?.outputParameters ?? []).flatMap(compile('output')),
  };
}

function compileMapping(
  { source, target = '' }: ZeebeInputOutputParameter,
  direction: 'input' | 'output',
  elementId: string,
  problems: Problems,
): Mapping | undefined {
  let valid = true;
  if (!PATH.test(target)) {
    valid = false;
    problems.add(
      elementId,
      target === ''
        ? `an ${direction} mapping needs a target`
        : `${direction} mapping target '${target}' is not a variable name or dotted path (letters, digits and _, not starting with a digit)`,
    );
  } else if (RESERVED_WORDS.has(target)) {
    valid = false;
    problems.add(elementId, `${direction} mapping target '${target}' is a reserved word`);
  }
  if (source === undefined) {
    problems.add(elementId, `the ${direction} mapping to '${target}' needs a source`);
    return undefined;
  }
  const value = problems.value(elementId, `${direction} mapping source (to '${target}')`, source, {
    expressionOnly: direction === 'output',
  });
  return valid && value ? { source: value, target } : undefined;
}
