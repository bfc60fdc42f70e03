import type { EngineStore, StoreTransaction } from '../../embedded/store/store.ts';
import { checkExpression } from '../../feel/index.ts';
import { compileBpmn } from '../../model/compile.ts';

interface Names {
  process?: string;
  elements: Map<string, string>;
}

interface Source {
  key: string;
  bpmnProcessId: string;
  resourceName: string;
  resource: string;
}

const MAX_CACHED = 500;

/**
 * Process and element names, which the engine's tables do not hold: they come from the
 * deployed BPMN, compiled once per definition (definitions never change) and cached.
 */
export class DefinitionNames {
  readonly #cache = new Map<string, Names>();

  /**
   * Runs `read` in one store transaction, fetching there the BPMN of the definitions its
   * result names that are not cached yet; compiles them after the transaction, so a read
   * holds the command processor no longer than its queries take.
   */
  async read<T>(
    store: EngineStore,
    read: (tx: StoreTransaction) => Promise<T>,
    definitionKeys: (result: T) => string[],
  ): Promise<T> {
    const { result, sources } = await store.transaction(async (tx) => {
      const result = await read(tx);
      const missing = [...new Set(definitionKeys(result))].filter((key) => !this.#cache.has(key));
      return { result, sources: missing.length > 0 ? await fetchSources(tx, missing) : [] };
    });
    for (const source of sources) this.#remember(source.key, await namesOf(source));
    return result;
  }

  processName(definitionKey: string): string | undefined {
    return this.#cache.get(definitionKey)?.process;
  }

  elementName(definitionKey: string, elementId: string): string | undefined {
    return this.#cache.get(definitionKey)?.elements.get(elementId);
  }

  #remember(key: string, names: Names): void {
    this.#cache.set(key, names);
    if (this.#cache.size > MAX_CACHED) this.#cache.delete(this.#cache.keys().next().value as string);
  }
}

async function fetchSources(tx: StoreTransaction, keys: string[]): Promise<Source[]> {
  const rows = await tx.all<{
    definition_key: unknown;
    bpmn_process_id: string;
    resource_name: string;
    resource: string;
  }>(
    `SELECT definition_key, bpmn_process_id, resource_name, resource FROM engine_process_definitions
     WHERE definition_key IN (${keys.map(() => '?').join(', ')})`,
    keys,
  );
  return rows.map((r) => ({
    key: String(r.definition_key),
    bpmnProcessId: r.bpmn_process_id,
    resourceName: r.resource_name,
    resource: r.resource,
  }));
}

async function namesOf(source: Source): Promise<Names> {
  const compiled = await compileBpmn(source.resourceName, source.resource, checkExpression);
  const process = compiled.processes.find((p) => p.bpmnProcessId === source.bpmnProcessId);
  const elements = new Map<string, string>();
  for (const element of Object.values(process?.elements ?? {})) {
    if (element.name) elements.set(element.id, element.name);
  }
  return { process: process?.name, elements };
}
