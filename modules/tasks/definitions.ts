import { BpmnModdle, type BpmnModdleInstance } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

/** What the task list reads from a deployed process model about one user task. */
export interface UserTaskModel {
  processName: string | null;
  /** The element's name; null when it has none (the list then shows its id). */
  name: string | null;
  /** `zeebe:formDefinition formId`: what a missing form is called in messages. */
  formId: string | null;
}

interface Node {
  $type: string;
  id?: string;
  name?: string;
  body?: string;
  formId?: string;
  flowElements?: Node[];
  rootElements?: Node[];
  extensionElements?: { values?: Node[] };
}

export interface ParsedDefinition {
  task(bpmnProcessId: string, elementId: string): UserTaskModel;
  /** A form embedded in the model (`zeebe:userTaskForm`, form key `camunda-forms:bpmn:<id>`). */
  embeddedForm(bpmnProcessId: string, id: string): string | undefined;
}

let moddle: BpmnModdleInstance | undefined;

/** Reads a deployed BPMN document; the engine accepted it, so only names and links are taken. */
export async function parseDefinition(xml: string): Promise<ParsedDefinition> {
  moddle ??= BpmnModdle({ zeebe: zeebeDescriptor });
  const { rootElement } = await moddle.fromXML<Node>(xml);
  const process = (id: string) =>
    rootElement.rootElements?.find((node) => node.$type === 'bpmn:Process' && node.id === id);
  return {
    task: (bpmnProcessId, elementId) => {
      const owner = process(bpmnProcessId);
      const element = owner && find(owner, elementId);
      const form = element?.extensionElements?.values?.find((v) => v.$type === 'zeebe:FormDefinition');
      return {
        processName: owner?.name?.trim() || null,
        name: element?.name?.trim() || null,
        formId: form?.formId?.trim() || null,
      };
    },
    embeddedForm: (bpmnProcessId, id) =>
      process(bpmnProcessId)?.extensionElements?.values?.find(
        (v) => v.$type === 'zeebe:UserTaskForm' && v.id === id,
      )?.body,
  };
}

function find(scope: Node, id: string): Node | undefined {
  for (const node of scope.flowElements ?? []) {
    if (node.id === id) return node;
    const inner = node.flowElements ? find(node, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
}
