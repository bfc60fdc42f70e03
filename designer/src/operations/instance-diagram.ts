import type { DiagramOverlay } from './BpmnDiagram.tsx';
import type { ElementInstance, Incident } from './types.ts';

interface Tally {
  active: number;
  completed: number;
  terminated: number;
  incidents: number;
}

/** How many element instances of each element are in each state, and its open incidents. */
export function tallyElements(elements: ElementInstance[], incidents: Incident[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  const tally = (id: string) => {
    let found = tallies.get(id);
    if (!found) {
      found = { active: 0, completed: 0, terminated: 0, incidents: 0 };
      tallies.set(id, found);
    }
    return found;
  };
  for (const element of elements) {
    if (element.type === 'PROCESS') continue;
    const entry = tally(element.elementId);
    if (element.state === 'ACTIVE') entry.active++;
    else if (element.state === 'COMPLETED') entry.completed++;
    else entry.terminated++;
  }
  for (const incident of incidents) if (incident.state === 'ACTIVE') tally(incident.elementId).incidents++;
  return tallies;
}

export interface MarkerLabels {
  active(count: number): string;
  completed(count: number): string;
  incidents(count: number): string;
}

/**
 * The markers (CSS classes on the shapes) and count badges of one instance: an incident
 * outranks an active token, which outranks completion, so the eye goes where work is stuck.
 */
export function instanceMarkers(
  elements: ElementInstance[],
  incidents: Incident[],
  labels: MarkerLabels,
): { markers: Record<string, string[]>; overlays: DiagramOverlay[] } {
  const markers: Record<string, string[]> = {};
  const overlays: DiagramOverlay[] = [];
  for (const [elementId, t] of tallyElements(elements, incidents)) {
    markers[elementId] = [
      t.incidents > 0
        ? 'op-incident'
        : t.active > 0
          ? 'op-active'
          : t.completed > 0
            ? 'op-completed'
            : 'op-terminated',
    ];
    if (t.active > 0)
      overlays.push({
        elementId,
        className: 'op-badge op-badge-active',
        lines: [String(t.active)],
        title: labels.active(t.active),
        position: { bottom: 10, right: 10 },
      });
    if (t.incidents > 0)
      overlays.push({
        elementId,
        className: 'op-badge op-badge-incident',
        lines: [`! ${t.incidents}`],
        title: labels.incidents(t.incidents),
        position: { top: -10, right: 10 },
      });
    if (t.completed > 0)
      overlays.push({
        elementId,
        className: 'op-badge op-badge-completed',
        lines: [`✓ ${t.completed}`],
        title: labels.completed(t.completed),
        position: { bottom: 10, left: -12 },
      });
  }
  return { markers, overlays };
}
