export type ResourceKind = 'bpmn' | 'dmn' | 'form';

/**
 * The kind of a deployment resource, from its name's suffix as Zeebe decides it (§12): the
 * match is case-sensitive, so `Case.BPMN` is an unknown resource type there as here.
 */
export function resourceKind(name: string): ResourceKind | undefined {
  if (name.endsWith('.bpmn') || name.endsWith('.xml')) return 'bpmn';
  if (name.endsWith('.dmn')) return 'dmn';
  if (name.endsWith('.form')) return 'form';
  return undefined;
}
