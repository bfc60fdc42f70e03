import type { TestPlatform } from './create-platform.ts';

/** What tests ask of the engine besides the SDK's own calls: jobs of one instance, where its tokens are. */
export function probe(p: TestPlatform) {
  return {
    /** Deploys BPMN documents in one deployment, each named `<key>.bpmn`. */
    async deploy(documents: Record<string, string>) {
      return p.zeebe.deployResources(
        Object.entries(documents).map(([name, xml]) => ({ name: `${name}.bpmn`, process: Buffer.from(xml) })),
      );
    },

    /**
     * Activates the jobs of `type`, only those of `processInstanceKey` when given; waits up to
     * `waitMs` for the first to appear (a timer firing after the clock moved), else not at all.
     */
    async jobs(type: string, processInstanceKey?: string, waitMs = 0) {
      const jobs = await p.zeebe.activateJobs({
        type,
        worker: 'test',
        maxJobsToActivate: 50,
        timeout: 3_600_000,
        requestTimeout: waitMs > 0 ? waitMs : -1,
      } as never);
      return processInstanceKey === undefined
        ? jobs
        : jobs.filter((job) => job.processInstanceKey === processInstanceKey);
    },

    /** `elementId:STATE` for every element instance of a process instance, in creation order. */
    async trail(processInstanceKey: string): Promise<string[]> {
      const { body } = await p.http.post<{ items: { elementId: string; state: string }[] }>(
        '/v2/element-instances/search',
        { filter: { processInstanceKey }, sort: [{ field: 'elementInstanceKey' }], page: { limit: 1000 } },
      );
      return body.items.map((item) => `${item.elementId}:${item.state}`);
    },

    async instanceState(processInstanceKey: string): Promise<string | undefined> {
      const { body } = await p.http.get<{ state?: string }>(`/v2/process-instances/${processInstanceKey}`);
      return body.state;
    },

    async incidents(processInstanceKey: string) {
      const { body } = await p.http.post<{ items: Record<string, string>[] }>('/v2/incidents/search', {
        filter: { processInstanceKey, state: 'ACTIVE' },
      });
      return body.items;
    },

    async variables(processInstanceKey: string): Promise<Record<string, unknown>> {
      const { body } = await p.http.post<{ items: { name: string; value: string; scopeKey: string }[] }>(
        '/v2/variables/search',
        { filter: { processInstanceKey, scopeKey: processInstanceKey }, page: { limit: 1000 } },
      );
      return Object.fromEntries(body.items.map((v) => [v.name, JSON.parse(v.value)]));
    },
  };
}
