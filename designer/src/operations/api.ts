import { ApiError, get, post, token } from '../api.ts';
import type {
  ElementInstance,
  ElementStatistics,
  Incident,
  Page,
  ProcessDefinition,
  ProcessInstance,
  SearchBody,
  Variable,
} from './types.ts';

/**
 * Reads go to the engine's /v2 API in Camunda 8.8 shapes; changes go to the server's
 * /api/operations routes, which send them to the engine over gRPC (DESIGN seam 3).
 */
export const searchDefinitions = (body: SearchBody) =>
  post<Page<ProcessDefinition>>('/v2/process-definitions/search', body);
export const searchInstances = (body: SearchBody) =>
  post<Page<ProcessInstance>>('/v2/process-instances/search', body);
export const searchElementInstances = (body: SearchBody) =>
  post<Page<ElementInstance>>('/v2/element-instances/search', body);
export const searchVariables = (body: SearchBody) => post<Page<Variable>>('/v2/variables/search', body);
export const searchIncidents = (body: SearchBody) => post<Page<Incident>>('/v2/incidents/search', body);

export const getInstance = (key: string) =>
  get<ProcessInstance>(`/v2/process-instances/${encodeURIComponent(key)}`);
export const getDefinition = (key: string) =>
  get<ProcessDefinition>(`/v2/process-definitions/${encodeURIComponent(key)}`);

/** Counts only: one item is the smallest page the API takes. */
export async function count(
  search: (body: SearchBody) => Promise<Page<unknown>>,
  filter: Record<string, unknown>,
): Promise<number> {
  const answer = await search({ filter, page: { limit: 1 } });
  return answer.page.totalItems;
}

const xmlCache = new Map<string, Promise<string>>();

/** The deployed BPMN of a definition (text/xml, not JSON); a deployed definition never changes. */
export function definitionXml(key: string): Promise<string> {
  let cached = xmlCache.get(key);
  if (!cached) {
    cached = fetchXml(key);
    cached.catch(() => xmlCache.delete(key));
    xmlCache.set(key, cached);
  }
  return cached;
}

async function fetchXml(key: string): Promise<string> {
  const bearer = token.get();
  const response = await fetch(`/v2/process-definitions/${encodeURIComponent(key)}/xml`, {
    headers: {
      accept: 'text/xml, application/problem+json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
  });
  const text = await response.text();
  if (response.ok) return text;
  let problem: { code?: string; detail?: string } = {};
  try {
    problem = JSON.parse(text) as typeof problem;
  } catch {}
  throw new ApiError(
    response.status,
    problem.code ?? `HTTP_${response.status}`,
    problem.detail ?? response.statusText,
  );
}

export const startInstance = (bpmnProcessId: string, variables: Record<string, unknown>) =>
  post<{ processInstanceKey: string }>(
    `/api/operations/processes/${encodeURIComponent(bpmnProcessId)}/instances`,
    { variables },
  );
export const retryIncident = (incidentKey: string) =>
  post<void>(`/api/operations/incidents/${encodeURIComponent(incidentKey)}/retry`, {});
export const cancelInstance = (processInstanceKey: string) =>
  post<void>(`/api/operations/process-instances/${encodeURIComponent(processInstanceKey)}/cancel`, {});
export const definitionStatistics = (definitionKey: string) =>
  get<{ items: ElementStatistics[] }>(
    `/api/operations/process-definitions/${encodeURIComponent(definitionKey)}/statistics`,
  );

/** Every process definition (a bank has tens, not thousands), newest version first per process. */
export async function allDefinitions(): Promise<ProcessDefinition[]> {
  const answer = await searchDefinitions({
    sort: [
      { field: 'processDefinitionId', order: 'ASC' },
      { field: 'version', order: 'DESC' },
    ],
    page: { limit: 1000 },
  });
  return answer.items;
}
