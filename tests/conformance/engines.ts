import type { ZeebeGrpcClient } from '../../engine/index.ts';
import { createPlatform } from '../harness/create-platform.ts';
import { startReferenceEngine, type ZeebeRecord } from '../harness/zeebe-engine.ts';

/** What a scenario can see of one process instance when it has run. */
export interface Observed {
  state: string;
  /** `elementId:STATE` of every element instance (the process itself not included), sorted. */
  elements: string[];
  /** `errorType | elementId | message` of every incident ever raised, sorted. */
  incidents: string[];
  /** The root scope's variables. */
  variables: Record<string, unknown>;
}

/** One engine a scenario runs on, driven through the same SDK client API. */
export interface EngineUnderTest {
  name: string;
  zeebe: ZeebeGrpcClient;
  advance(ms: number): Promise<void>;
  /** Waits until the engine has done everything the last command and clock move caused. */
  settle(): Promise<void>;
  observe(processInstanceKey: string): Promise<Observed>;
  /** The newest instance of a process, if any (one started by a message, signal or timer). */
  latestInstance(bpmnProcessId: string): Promise<string | undefined>;
  /** Open incidents: their keys and the job each is about, if any. */
  openIncidents(processInstanceKey: string): Promise<{ incidentKey: string; jobKey?: string }[]>;
  close(): Promise<void>;
}

/** The embedded engine, in the whole platform on SQLite, with its clock pinned. */
export async function embeddedEngine(): Promise<EngineUnderTest> {
  // The engine alone, as a Zeebe client sees it: no tasks module taking user-task jobs first.
  const p = await createPlatform({ database: 'sqlite', without: ['tasks'] });
  p.clock.pin(Date.parse('2027-01-04T02:00:00Z'));
  const settled = p.platform.engineSettled;
  if (!settled) throw new Error('the platform runs no embedded engine');
  const settle = () => settled();
  // Compliance sees process variables unmasked, as the comparison with Zeebe needs.
  const reader = p.as('compliance1');
  const search = async <T>(path: string, filter: Record<string, unknown>) =>
    (await reader.post<{ items: T[] }>(path, { filter, page: { limit: 1000 } })).body.items;
  return {
    name: 'embedded',
    zeebe: p.zeebe,
    advance: async (ms) => {
      p.clock.pin(p.clock.now() + ms);
      await settle();
    },
    settle,
    observe: async (key) => {
      const instance = await reader.get<{ state: string }>(`/v2/process-instances/${key}`);
      const elements = await search<{ elementId: string; state: string }>('/v2/element-instances/search', {
        processInstanceKey: key,
      });
      const incidents = await search<{ errorType: string; elementId: string; errorMessage: string }>(
        '/v2/incidents/search',
        { processInstanceKey: key },
      );
      const variables = await search<{ name: string; value: string }>('/v2/variables/search', {
        processInstanceKey: key,
        scopeKey: key,
      });
      return {
        state: instance.body.state,
        elements: elements.map((e) => `${e.elementId}:${e.state}`).sort(),
        incidents: incidents.map((i) => `${i.errorType} | ${i.elementId} | ${i.errorMessage}`).sort(),
        variables: Object.fromEntries(variables.map((v) => [v.name, JSON.parse(v.value)])),
      };
    },
    latestInstance: async (bpmnProcessId) => {
      const { body } = await reader.post<{ items: { processInstanceKey: string }[] }>(
        '/v2/process-instances/search',
        {
          filter: { processDefinitionId: bpmnProcessId },
          sort: [{ field: 'processInstanceKey', order: 'DESC' }],
          page: { limit: 1 },
        },
      );
      return body.items[0]?.processInstanceKey;
    },
    openIncidents: async (key) =>
      (
        await search<{ incidentKey: string; jobKey?: string }>('/v2/incidents/search', {
          processInstanceKey: key,
          state: 'ACTIVE',
        })
      ).map((i) => ({ incidentKey: i.incidentKey, ...(i.jobKey ? { jobKey: i.jobKey } : {}) })),
    close: () => p.close(),
  };
}

/** Zeebe's own engine (in memory), read through the records it writes. */
export async function zeebeEngine(): Promise<EngineUnderTest> {
  const engine = await startReferenceEngine();
  const ofInstance = async (key: string) =>
    (await engine.records()).filter(
      (r) => r.recordType === 'EVENT' && String(r.value.processInstanceKey ?? '') === key,
    );
  return {
    name: 'zeebe',
    zeebe: engine.zeebe,
    advance: (ms) => engine.increaseTime(ms),
    settle: () => engine.idle(),
    observe: async (key) => observeRecords(await ofInstance(key), key),
    latestInstance: async (bpmnProcessId) => {
      const started = (await engine.records()).filter(
        (r) =>
          r.valueType === 'PROCESS_INSTANCE' &&
          r.intent === 'ELEMENT_ACTIVATED' &&
          r.value.bpmnElementType === 'PROCESS' &&
          r.value.bpmnProcessId === bpmnProcessId,
      );
      const last = started.at(-1);
      return last ? String(last.key) : undefined;
    },
    openIncidents: async (key) => {
      const open = new Map<string, { incidentKey: string; jobKey?: string }>();
      for (const r of await ofInstance(key)) {
        if (r.valueType !== 'INCIDENT') continue;
        const jobKey = Number(r.value.jobKey ?? -1);
        if (r.intent === 'CREATED')
          open.set(String(r.key), {
            incidentKey: String(r.key),
            ...(jobKey > 0 ? { jobKey: String(jobKey) } : {}),
          });
        if (r.intent === 'RESOLVED') open.delete(String(r.key));
      }
      return [...open.values()];
    },
    close: () => engine.stop(),
  };
}

const STATES: Record<string, string> = {
  ELEMENT_ACTIVATING: 'ACTIVE',
  ELEMENT_ACTIVATED: 'ACTIVE',
  ELEMENT_COMPLETING: 'COMPLETING',
  ELEMENT_COMPLETED: 'COMPLETED',
  ELEMENT_TERMINATING: 'ACTIVE',
  ELEMENT_TERMINATED: 'TERMINATED',
};

/** The same view the embedded engine's read API gives, built from Zeebe's records. */
export function observeRecords(records: ZeebeRecord[], key: string): Observed {
  const elements = new Map<string, string>();
  let state = 'ACTIVE';
  const incidents: string[] = [];
  const variables: Record<string, unknown> = {};
  for (const r of records) {
    const value = r.value as Record<string, unknown>;
    if (r.valueType === 'PROCESS_INSTANCE' && STATES[r.intent]) {
      if (value.bpmnElementType === 'PROCESS') state = STATES[r.intent] as string;
      else elements.set(String(r.key), `${value.elementId}:${STATES[r.intent]}`);
    } else if (r.valueType === 'INCIDENT' && r.intent === 'CREATED') {
      incidents.push(`${value.errorType} | ${value.elementId} | ${value.errorMessage}`);
    } else if (r.valueType === 'VARIABLE' && String(value.scopeKey) === key) {
      variables[String(value.name)] = JSON.parse(String(value.value));
    }
  }
  return { state, elements: [...elements.values()].sort(), incidents: incidents.sort(), variables };
}
