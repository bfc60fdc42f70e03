import { diff } from 'bpmn-js-differ';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'layout';

export interface Change {
  id: string;
  kind: ChangeKind;
  type: string;
  name: string | undefined;
  /** For a changed element: the attributes that differ. */
  attributes: string[];
}

interface ModdleElement {
  id?: string;
  $type?: string;
  name?: string;
}

/**
 * The differences between two BPMN definitions (as bpmn-js imported them), by bpmn-js-differ:
 * elements added, removed, changed (attributes, extension elements) or only moved.
 */
export function compareDefinitions(older: object, newer: object): Change[] {
  const result = diff(older, newer) as {
    _added: Record<string, ModdleElement>;
    _removed: Record<string, ModdleElement>;
    _changed: Record<string, { model: ModdleElement; attrs: Record<string, unknown> }>;
    _layoutChanged: Record<string, ModdleElement>;
  };
  const changes: Change[] = [];
  const add = (kind: ChangeKind, id: string, element: ModdleElement, attributes: string[] = []) =>
    changes.push({
      id,
      kind,
      type: (element.$type ?? '').replace(/^bpmn:/, ''),
      name: element.name,
      attributes,
    });
  for (const [id, element] of Object.entries(result._added)) add('added', id, element);
  for (const [id, element] of Object.entries(result._removed)) add('removed', id, element);
  for (const [id, { model, attrs }] of Object.entries(result._changed))
    add('changed', id, model, Object.keys(attrs));
  for (const [id, element] of Object.entries(result._layoutChanged))
    if (!result._changed[id]) add('layout', id, element);
  const order: ChangeKind[] = ['added', 'removed', 'changed', 'layout'];
  return changes.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.id.localeCompare(b.id));
}
