import { checksumOf } from './content.ts';
import type { ModelRecord, RepositoryStore, RequestRecord } from './model.ts';
import type { ReadApi } from './read-api.ts';

export interface RunningInstances {
  /** The repository version the definition was deployed from; null when it came from elsewhere. */
  version: number | null;
  count: number | null;
  processDefinitionKey: string | null;
  processDefinitionVersion: number | null;
}

interface Definition {
  processDefinitionKey: string;
  processDefinitionId: string;
  version: number;
}

const MAX_DEFINITIONS = 10_000;

/**
 * The running instances of each BPMN model per deployed definition, through the `/v2` read
 * API: one search for the models' definitions, then one count (a page of one, its
 * `totalItems`) per definition. A definition is matched to the repository version it came
 * from by the deploy records, else by the checksum of its XML (shipped models, deploys from
 * Desktop Modeler); definitions never change, so the match is remembered.
 */
export class InstanceCounter {
  readonly #versionOf = new Map<string, number | null>();

  constructor(
    private readonly readApi: ReadApi,
    private readonly store: RepositoryStore,
  ) {}

  async count(models: ModelRecord[]): Promise<Map<string, RunningInstances[]>> {
    const bpmn = models.filter((m) => m.kind === 'bpmn');
    const result = new Map<string, RunningInstances[]>(models.map((m) => [m.id, []]));
    if (bpmn.length === 0) return result;
    const deployed = await this.store.requests({ state: 'deployed' });
    if (!this.readApi.available) {
      // Zeebe mode without Camunda's REST API: the deploy records say what runs, not how much.
      for (const model of bpmn) {
        if (model.deployedVersion === null) continue;
        const record = deployed.find((r) => r.modelId === model.id && r.version === model.deployedVersion);
        result.set(model.id, [
          {
            version: model.deployedVersion,
            count: null,
            processDefinitionKey: record?.resourceKey ?? null,
            processDefinitionVersion: record?.deployedVersion ?? null,
          },
        ]);
      }
      return result;
    }
    const { items } = await this.readApi.search<Definition>('/v2/process-definitions/search', {
      filter: { processDefinitionId: { $in: bpmn.map((m) => m.resourceId) } },
      sort: [{ field: 'version', order: 'DESC' }],
      page: { limit: MAX_DEFINITIONS },
    });
    const counts = await Promise.all(items.map((d) => this.active(d.processDefinitionKey)));
    const byResource = new Map(bpmn.map((m) => [m.resourceId, m]));
    const latest = new Set<string>();
    for (const [i, definition] of items.entries()) {
      const model = byResource.get(definition.processDefinitionId);
      if (!model) continue;
      const count = counts[i] ?? 0;
      // Sorted newest first: the first definition of a process is the one new instances start.
      const isLatest = !latest.has(model.id);
      latest.add(model.id);
      if (count === 0 && !isLatest) continue;
      result.get(model.id)?.push({
        version: await this.versionOf(model, definition.processDefinitionKey, deployed),
        count,
        processDefinitionKey: definition.processDefinitionKey,
        processDefinitionVersion: definition.version,
      });
    }
    return result;
  }

  private async active(processDefinitionKey: string): Promise<number> {
    const answer = await this.readApi.search('/v2/process-instances/search', {
      filter: { processDefinitionKey, state: 'ACTIVE' },
      page: { limit: 1 },
    });
    return answer.page.totalItems;
  }

  private async versionOf(
    model: ModelRecord,
    key: string,
    deployed: RequestRecord[],
  ): Promise<number | null> {
    const record = deployed.find((r) => r.modelId === model.id && r.resourceKey === key);
    if (record) return record.version;
    const known = this.#versionOf.get(key);
    if (known !== undefined) return known;
    const xml = await this.readApi.text(`/v2/process-definitions/${key}/xml`);
    const checksum = xml === undefined ? undefined : checksumOf(xml);
    const versions = await this.store.versions(model.id);
    const version = versions.find((v) => v.checksum === checksum)?.version ?? null;
    this.#versionOf.set(key, version);
    return version;
  }
}
