import { evaluate, FeelError } from '../../feel/index.ts';
import type { ValueOrExpression } from '../../model/types.ts';
import { applyMappings, MappingError } from '../runtime/mappings.ts';
import type { ElementBehavior } from './behavior.ts';
import { armBoundaryTimers } from './boundary-timers.ts';
import { userTaskHeaders } from './user-task-headers.ts';

/**
 * Service, send, script and job-based user tasks: input mappings become locals, then a job
 * is created and the token waits until a worker completes it (ZEEBE-SEMANTICS §2).
 */
export const jobTask: ElementBehavior = {
  async activate(rt, process, element, instance) {
    const job = element.job;
    if (!job) throw new Error(`Element '${element.id}' has no job definition`);
    const chain = await rt.scopeChain(instance);
    let visible = await rt.variables.visible(chain.slice(1));
    if (element.inputMappings.length > 0) {
      try {
        const locals = applyMappings(element.inputMappings, visible, rt.now, 'input');
        await rt.variables.setLocal(instance.key, instance.processInstanceKey, locals);
        visible = { ...visible, ...locals };
      } catch (error) {
        if (!(error instanceof MappingError)) throw error;
        return rt.raiseIncident(instance, 'IO_MAPPING_ERROR', error.message);
      }
    }
    const formId = element.userTask?.formId;
    if (formId) {
      // Linked forms arrive with .form deployments (issue 4); until then none can be found.
      return rt.raiseIncident(
        instance,
        'FORM_NOT_FOUND',
        `Expected to find a form with id '${formId}', but no form with this id is found, at least a form with this id should be available. To resolve the Incident please deploy a form with the same id`,
      );
    }
    let type: string;
    let retries: number;
    let headers: Record<string, string>;
    try {
      type = String(value(job.type, visible, rt.now) ?? '');
      if (type.trim() === '')
        throw new FeelError(
          `Expected result of the expression for the job type of '${element.id}' to be a non-empty string`,
        );
      retries = Number(value(job.retries, visible, rt.now));
      if (!Number.isInteger(retries))
        throw new FeelError(
          `Expected result of the expression for the job retries of '${element.id}' to be a number`,
        );
      headers = { ...job.headers, ...(element.userTask ? userTaskHeaders(element, visible, rt.now) : {}) };
    } catch (error) {
      if (!(error instanceof FeelError)) throw error;
      return rt.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', error.message);
    }
    const owner = await rt.instances.process(instance.processInstanceKey);
    await rt.jobs.insert(
      {
        key: await rt.tx.nextKey(),
        type,
        state: 'ACTIVATABLE',
        retries,
        worker: '',
        deadline: -1,
        elementInstanceKey: instance.key,
        processInstanceKey: instance.processInstanceKey,
        definitionKey: owner?.definitionKey ?? '0',
        bpmnProcessId: process.bpmnProcessId,
        version: owner?.version ?? 0,
        elementId: element.id,
        customHeaders: JSON.stringify(headers),
        errorMessage: null,
      },
      rt.now,
    );
    rt.effects.jobTypes.add(type);
    if (element.boundaryEventIds) await armBoundaryTimers(rt, process, element, instance, visible);
  },
};

function value(v: ValueOrExpression, variables: Record<string, unknown>, now: number): unknown {
  return v.kind === 'static' ? v.value : evaluate(v.source, variables, now);
}
