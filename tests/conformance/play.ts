import type { EngineUnderTest, Observed } from './engines.ts';
import type { Scenario, Step } from './scenario.ts';

/** What a scenario observed on one engine: comparable across engines (no keys, no times). */
export interface Trace extends Observed {
  /** Each step's outcome: the job it worked on, or the client error it got. */
  steps: unknown[];
}

const JOB_WAIT_MS = 5_000;

/** Deploys the scenario's resources, starts one instance and plays the steps on `engine`. */
export async function play(engine: EngineUnderTest, scenario: Scenario): Promise<Trace> {
  const { zeebe } = engine;
  await zeebe.deployResources(
    scenario.resources.map((r) =>
      r.name.endsWith('.dmn')
        ? { name: r.name, decision: r.content }
        : r.name.endsWith('.form')
          ? { name: r.name, form: r.content }
          : { name: r.name, process: r.content },
    ) as never,
  );
  const key = await start(engine, scenario);
  await engine.settle();
  const steps: unknown[] = [];
  for (const step of scenario.steps) {
    steps.push(await outcome(() => perform(engine, key, step)));
    await engine.settle();
  }
  return { ...(await engine.observe(key)), steps };
}

/** Starts the scenario's instance and returns its key. */
async function start(engine: EngineUnderTest, scenario: Scenario): Promise<string> {
  const by = scenario.startBy;
  if (!by) {
    const created = await engine.zeebe.createProcessInstance({
      bpmnProcessId: scenario.processId,
      variables: scenario.variables as never,
    });
    return created.processInstanceKey;
  }
  await engine.settle();
  await perform(engine, '', by);
  await engine.settle();
  const key = await engine.latestInstance(scenario.processId);
  if (!key) throw new Error(`no instance of ${scenario.processId} was started by ${JSON.stringify(by)}`);
  return key;
}

async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    const { code, details } = error as { code?: number; details?: string };
    return { error: code ?? String(error), details };
  }
}

async function perform(engine: EngineUnderTest, key: string, step: Step): Promise<unknown> {
  const { zeebe } = engine;
  if ('advanceMs' in step) return engine.advance(step.advanceMs).then(() => 'advanced');
  if ('publish' in step) {
    await zeebe.publishMessage({
      name: step.publish,
      correlationKey: step.correlationKey,
      variables: step.variables as never,
      timeToLive: step.ttlMs,
    });
    return 'published';
  }
  if ('signal' in step) {
    await zeebe.broadcastSignal({ signalName: step.signal, variables: step.variables as never });
    return 'signalled';
  }
  if ('resolveIncidents' in step) {
    if (Object.keys(step.variables).length > 0)
      await zeebe.setVariables({ elementInstanceKey: key, variables: step.variables as never, local: false });
    const open = await engine.openIncidents(key);
    for (const incident of open) await zeebe.resolveIncident({ incidentKey: incident.incidentKey });
    return { resolved: open.length };
  }
  if ('retryJobs' in step) {
    const open = await engine.openIncidents(key);
    for (const incident of open) {
      if (incident.jobKey) await zeebe.updateJobRetries({ jobKey: incident.jobKey, retries: step.retries });
      await zeebe.resolveIncident({ incidentKey: incident.incidentKey });
    }
    return { retried: open.length };
  }
  const type = 'complete' in step ? step.complete : 'fail' in step ? step.fail : step.throwError;
  const [job] = await zeebe.activateJobs({
    type,
    worker: 'conformance',
    maxJobsToActivate: 1,
    timeout: 60_000,
    requestTimeout: JOB_WAIT_MS,
  } as never);
  if (!job) return { noJob: type };
  const seen = {
    type: job.type,
    elementId: job.elementId,
    retries: job.retries,
    customHeaders: job.customHeaders,
    variables: job.variables,
  };
  if ('complete' in step) await zeebe.completeJob({ jobKey: job.key, variables: step.variables as never });
  else if ('fail' in step)
    await zeebe.failJob({
      jobKey: job.key,
      retries: step.retries,
      errorMessage: step.errorMessage,
      retryBackOff: step.backoffMs,
    });
  else
    await zeebe.throwError({
      jobKey: job.key,
      errorCode: step.errorCode,
      errorMessage: step.errorMessage,
      variables: step.variables,
    } as never);
  return seen;
}
