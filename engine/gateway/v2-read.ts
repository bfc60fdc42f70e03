import type { EngineStore } from '../embedded/store/store.ts';
import { elementInstances } from './v2/element-instances.ts';
import { incidents } from './v2/incidents.ts';
import { DefinitionNames } from './v2/names.ts';
import { problemResponse, ReadApiError } from './v2/problem.ts';
import { processDefinitions, processDefinitionXml } from './v2/process-definitions.ts';
import { processInstances } from './v2/process-instances.ts';
import { createResource, type ReadResource } from './v2/resource.ts';
import { variables } from './v2/variables.ts';

const SEARCH = /^\/v2\/([a-z-]+)\/search$/;
const BY_KEY = /^\/v2\/([a-z-]+)\/([^/]+)$/;
const XML = /^\/v2\/process-definitions\/([^/]+)\/xml$/;

/**
 * The engine's read API with the paths and JSON shapes of Camunda 8.8's Orchestration
 * Cluster REST API (DESIGN seam 3), as a web-standard handler: search and get process
 * definitions (and their XML), process instances, element instances, incidents, variables.
 * Returns undefined for any other path, so the caller can fall through. Reads run in a
 * store transaction, so they queue behind the command processor.
 */
export function createReadApiHandler(
  store: EngineStore,
): (request: Request) => Promise<Response | undefined> {
  const names = new DefinitionNames();
  const resources: Record<string, ReadResource> = {
    'process-definitions': createResource(store, names, processDefinitions),
    'process-instances': createResource(store, names, processInstances),
    'element-instances': createResource(store, names, elementInstances),
    incidents: createResource(store, names, incidents),
    variables: createResource(store, names, variables),
  };
  const resource = (name: string | undefined) =>
    name !== undefined && Object.hasOwn(resources, name) ? resources[name] : undefined;

  return async (request) => {
    const { pathname } = new URL(request.url);
    try {
      const xml = XML.exec(pathname);
      if (xml) {
        allow(request, 'GET');
        return await processDefinitionXml(store, segment(xml[1]));
      }
      const search = SEARCH.exec(pathname);
      const searched = resource(search?.[1]);
      if (searched) {
        allow(request, 'POST');
        return json(await searched.search(await readBody(request)));
      }
      const byKey = BY_KEY.exec(pathname);
      const fetched = resource(byKey?.[1]);
      if (byKey && fetched) {
        allow(request, 'GET');
        return json(await fetched.get(segment(byKey[2])));
      }
      return undefined;
    } catch (error) {
      if (error instanceof ReadApiError) return problemResponse(request, error);
      throw error;
    }
  };
}

function allow(request: Request, method: 'GET' | 'POST'): void {
  if (request.method !== method) throw ReadApiError.methodNotAllowed(request.method, method);
}

function segment(raw: string | undefined): string {
  try {
    return decodeURIComponent(raw ?? '');
  } catch {
    throw ReadApiError.invalid(`'${raw}' is not a valid path segment`);
  }
}

/** A search body is optional, as in Camunda: no body searches everything. */
async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw ReadApiError.invalid('The request body is not valid JSON');
  }
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
