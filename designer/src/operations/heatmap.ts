import type { DiagramOverlay } from './BpmnDiagram.tsx';
import type { ElementStatistics } from './types.ts';

export const HEAT_LEVELS = 5;

/** Every instance that reached the element, however it left. */
export const volume = (s: ElementStatistics) => s.active + s.completed + (s.terminated ?? 0) + s.incidents;

/** 1 (few) to HEAT_LEVELS (the busiest element), relative to the busiest element of the version. */
export function heatLevel(stats: ElementStatistics, busiest: number): number {
  if (busiest <= 0 || volume(stats) <= 0) return 0;
  return Math.max(1, Math.ceil((volume(stats) / busiest) * HEAT_LEVELS));
}

export interface HeatmapLabels {
  counts(s: ElementStatistics): string;
  average(ms: number | null): string;
  title(s: ElementStatistics): string;
}

/** A coloured marker on every element that saw instances, and a box with its numbers above it. */
export function heatmapLayers(
  items: ElementStatistics[],
  labels: HeatmapLabels,
): { markers: Record<string, string[]>; overlays: DiagramOverlay[] } {
  const busiest = Math.max(0, ...items.map(volume));
  const markers: Record<string, string[]> = {};
  const overlays: DiagramOverlay[] = [];
  for (const stats of items) {
    const level = heatLevel(stats, busiest);
    if (level === 0) continue;
    markers[stats.elementId] = [`op-heat-${level}`];
    overlays.push({
      elementId: stats.elementId,
      className: `op-heat-box op-heat-box-${level}${stats.incidents > 0 ? ' op-heat-box-incident' : ''}`,
      lines: [labels.counts(stats), labels.average(stats.averageDurationMs)],
      title: labels.title(stats),
      position: { top: -6, left: 0 },
    });
  }
  return { markers, overlays };
}
