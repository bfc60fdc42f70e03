import { BpmnModdle, type BpmnModdleInstance, type ImportWarning } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { invalidId, type Problems } from './problems.ts';

/** The parts of a moddle element the compiler reads; moddle objects never leave engine/model. */
export interface ModdleNode {
  readonly $type: string;
  readonly id?: string;
  readonly name?: string;
  readonly extensionElements?: { readonly values?: readonly ModdleNode[] };
}

export interface DefinitionsNode extends ModdleNode {
  readonly rootElements?: readonly ModdleNode[];
}

export interface ProcessNode extends ModdleNode {
  readonly isExecutable?: boolean;
  readonly flowElements?: readonly ModdleNode[];
}

export interface FlowNodeNode extends ModdleNode {
  readonly eventDefinitions?: readonly ModdleNode[];
  readonly loopCharacteristics?: ModdleNode;
  readonly isForCompensation?: boolean;
  readonly attachedToRef?: ModdleNode;
  readonly cancelActivity?: boolean;
  /** The default flow of a gateway (or activity). */
  readonly default?: ModdleNode;
  /** Start events of event sub-processes. */
  readonly isInterrupting?: boolean;
  /** Sub-processes: an event sub-process, and the elements inside. */
  readonly triggeredByEvent?: boolean;
  readonly flowElements?: readonly ModdleNode[];
}

export interface SequenceFlowNode extends ModdleNode {
  readonly sourceRef?: ModdleNode;
  readonly targetRef?: ModdleNode;
  readonly conditionExpression?: { readonly body?: string };
}

let moddle: BpmnModdleInstance | undefined;

/**
 * Reads a BPMN document with the Zeebe extensions. A document that cannot be read gives one
 * problem and `undefined`; what moddle recovered from (unknown elements, repeated ids,
 * dangling references) becomes problems too, since Zeebe's schema validation rejects them.
 */
export async function parseDefinitions(
  xml: string | Uint8Array,
  problems: Problems,
): Promise<DefinitionsNode | undefined> {
  const text = (typeof xml === 'string' ? xml : new TextDecoder().decode(xml)).replace(/^\uFEFF/, '');
  moddle ??= BpmnModdle({ zeebe: zeebeDescriptor });
  try {
    const { rootElement, warnings } = await moddle.fromXML<DefinitionsNode>(text);
    for (const warning of warnings) reportWarning(warning, problems);
    return rootElement;
  } catch (error) {
    problems.add(undefined, describeFatal(error));
    return undefined;
  }
}

/** moddle-xml's format: "unparsable content <tag> detected\n\tline: L\n\tcolumn: C\n\tnested error: E". */
const UNPARSABLE =
  /^unparsable content ([\s\S]*?) ?detected\n\tline: (\d+)\n\tcolumn: (\d+)\n\tnested error: ([\s\S]*)$/;

interface Unparsable {
  tag: string;
  /** 1-based, as editors count (saxen counts from 0). */
  at: string;
  cause: string;
}

function unparsable(message: string): Unparsable | undefined {
  const match = UNPARSABLE.exec(message);
  if (!match) return undefined;
  const [, data = '', line = '0', column = '0', cause = ''] = match;
  // For text, moddle-xml quotes a slice of it rather than a tag: keep only tags.
  const tag = data.startsWith('<') ? data.trim() : '';
  return { tag, at: `line ${Number(line) + 1}, column ${Number(column) + 1}`, cause };
}

function describeFatal(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const parsed = unparsable(message);
  if (parsed) {
    const near = parsed.tag ? ` near ${parsed.tag}` : '';
    return `the XML cannot be read: ${parsed.cause} at ${parsed.at}${near}`;
  }
  if (message.startsWith('failed to parse document as')) {
    return 'the document is not BPMN: its root element must be <bpmn:definitions>';
  }
  return `the XML cannot be read: ${message}`;
}

function reportWarning(warning: ImportWarning, problems: Problems): void {
  const parsed = unparsable(warning.message);
  if (parsed) {
    reportUnparsable(parsed, problems);
    return;
  }
  const unresolved = /^unresolved reference <(.*)>$/.exec(warning.message);
  if (unresolved) {
    const element = warning.element;
    // Diagram interchange may point at anything; only the semantic model matters to Zeebe.
    if (!element || /^(bpmndi|di|dc):/.test(element.$type)) return;
    const property = (warning.property ?? 'a reference').replace(/^\w+:/, '');
    problems.add(element.id, `${property} refers to '${unresolved[1]}', which does not exist`);
    return;
  }
  // Attributes Zeebe ignores, and encodings moddle reads as UTF-8 anyway, do not matter.
  if (/^unknown attribute|^unsupported document encoding/.test(warning.message)) return;
  problems.add(warning.element?.id, warning.message);
}

function reportUnparsable({ tag, at, cause }: Unparsable, problems: Problems): void {
  const duplicate = /^duplicate ID <(.*)>$/.exec(cause);
  if (duplicate?.[1] !== undefined) {
    const id = duplicate[1];
    const what = tag === '<bpmn:process>' ? 'process id' : 'id';
    problems.add(id, `the ${what} '${id}' is used more than once in this resource (again at ${at})`);
    return;
  }
  const illegal = /^illegal ID <(.*)>$/.exec(cause);
  if (illegal?.[1] !== undefined) {
    problems.add(illegal[1], `${invalidId(illegal[1])} (at ${at})`);
    return;
  }
  if (/^(unknown type|unrecognized element) </.test(cause)) {
    problems.add(undefined, `unknown element ${tag} at ${at}`);
    return;
  }
  problems.add(
    undefined,
    `the BPMN cannot be read at ${at}${tag ? ` (${tag})` : ''}: ${cause.replace(/\s+/g, ' ')}`,
  );
}
