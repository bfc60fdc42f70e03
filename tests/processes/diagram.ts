import { parseDefinitions } from '../../engine/model/parse.ts';
import { Problems } from '../../engine/model/problems.ts';
import { problem } from './catalogue.ts';

interface Node {
  $type: string;
  id?: string;
  flowElements?: Node[];
  rootElements?: Node[];
  diagrams?: { plane?: { planeElement?: { $type: string; bpmnElement?: { id?: string } }[] } }[];
}

/**
 * Every flow element of every process (sub-processes included) needs a shape, and every
 * sequence flow an edge, in the file's diagram: Desktop Modeler draws only what has one, and
 * an element without it is invisible to whoever opens the file.
 */
export async function missingDiagram(file: string, xml: string): Promise<string[]> {
  const definitions = (await parseDefinitions(xml, new Problems(file, () => undefined))) as Node | undefined;
  if (!definitions) return []; // unreadable: the compiler reports it already
  const shapes = new Set<string>();
  const edges = new Set<string>();
  for (const diagram of definitions.diagrams ?? []) {
    for (const element of diagram.plane?.planeElement ?? []) {
      const id = element.bpmnElement?.id;
      if (id === undefined) continue;
      if (element.$type === 'bpmndi:BPMNShape') shapes.add(id);
      if (element.$type === 'bpmndi:BPMNEdge') edges.add(id);
    }
  }
  const problems: string[] = [];
  const visit = (elements: readonly Node[]) => {
    for (const element of elements) {
      // A data object is drawn through its references; it has no shape of its own.
      if (element.id === undefined || element.$type === 'bpmn:DataObject') continue;
      if (element.$type === 'bpmn:SequenceFlow') {
        if (!edges.has(element.id))
          problems.push(problem(file, 'the sequence flow has no edge in the diagram', element.id));
      } else if (!shapes.has(element.id)) {
        problems.push(
          problem(file, `the ${element.$type.replace('bpmn:', '')} has no shape in the diagram`, element.id),
        );
      }
      visit(element.flowElements ?? []);
    }
  };
  for (const root of definitions.rootElements ?? []) {
    if (root.$type === 'bpmn:Process') visit(root.flowElements ?? []);
  }
  return problems;
}

/** What Desktop Modeler 5 writes on the root element when the model targets Camunda 8.8. */
export function missingPlatformVersion(file: string, xml: string): string[] {
  const root = /<(?:[\w-]+:)?definitions\b[^>]*>/.exec(xml)?.[0] ?? '';
  const problems: string[] = [];
  if (!/\smodeler:executionPlatform="Camunda Cloud"/.test(root))
    problems.push(problem(file, 'the definitions must declare modeler:executionPlatform="Camunda Cloud"'));
  if (!/\smodeler:executionPlatformVersion="8\.8\.0"/.test(root))
    problems.push(problem(file, 'the definitions must declare modeler:executionPlatformVersion="8.8.0"'));
  return problems;
}
