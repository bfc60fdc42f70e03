import { RepositoryError } from './errors.ts';
import type { ReadApi } from './read-api.ts';

export interface ElementStatistics {
  elementId: string;
  active: number;
  completed: number;
  terminated: number;
  /** Active incidents waiting on the element. */
  incidents: number;
  /** Mean time from start to end of the completed element instances. */
  averageDurationMs: number | null;
}

interface ElementInstance {
  elementId: string;
  state: string;
  startDate: string;
  endDate?: string;
  hasIncident?: boolean;
}

/** The read API's largest page: fewest round trips. */
const PAGE = 10_000;

/**
 * The heatmap of one process definition: per element, how many instances are active,
 * completed and terminated, how many incidents wait there, and how long completed ones took.
 * Computed from `/v2/element-instances/search`, paged, so it works against the embedded
 * engine and against Camunda's REST API alike.
 */
export async function definitionStatistics(
  readApi: ReadApi,
  processDefinitionKey: string,
): Promise<ElementStatistics[]> {
  const definition = await readApi.get(`/v2/process-definitions/${processDefinitionKey}`);
  if (!definition)
    throw new RepositoryError(
      'PROCESS_DEFINITION_NOT_FOUND',
      `There is no process definition ${processDefinitionKey}`,
      [{ field: 'path.key', message: 'no such process definition' }],
    );
  const byElement = new Map<string, ElementStatistics & { totalMs: number }>();
  for (let from = 0; ; from += PAGE) {
    const { items } = await readApi.search<ElementInstance>('/v2/element-instances/search', {
      filter: { processDefinitionKey },
      sort: [{ field: 'elementInstanceKey' }],
      page: { from, limit: PAGE },
    });
    for (const item of items) {
      let entry = byElement.get(item.elementId);
      if (!entry) {
        entry = {
          elementId: item.elementId,
          active: 0,
          completed: 0,
          terminated: 0,
          incidents: 0,
          averageDurationMs: null,
          totalMs: 0,
        };
        byElement.set(item.elementId, entry);
      }
      if (item.hasIncident) entry.incidents += 1;
      if (item.state === 'ACTIVE') entry.active += 1;
      else if (item.state === 'TERMINATED') entry.terminated += 1;
      else if (item.state === 'COMPLETED') {
        entry.completed += 1;
        if (item.endDate) entry.totalMs += Date.parse(item.endDate) - Date.parse(item.startDate);
      }
    }
    if (items.length < PAGE) break;
  }
  return [...byElement.values()]
    .map(({ totalMs, ...entry }) => ({
      ...entry,
      averageDurationMs: entry.completed > 0 ? Math.round(totalMs / entry.completed) : null,
    }))
    .sort((a, b) => a.elementId.localeCompare(b.elementId, 'en'));
}
