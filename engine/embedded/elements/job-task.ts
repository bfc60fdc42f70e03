import { evaluate, FeelError } from '../../feel/index.ts';
import type { ValueOrExpression } from '../../model/types.ts';
import { enterWithInputs } from '../runtime/mappings.ts';
import { latestFormById } from '../store/forms.ts';
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
    const entered = await enterWithInputs(rt, element, instance);
    if (!entered) return;
    const { visible } = entered;
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
    const formId = element.userTask?.formId;
    if (formId) {
      // A linked form is its latest version; Zeebe looks it up last, after the other headers,
      // and puts its key (decimal text) in the formKey header (BpmnJobBehavior).
      const form = await latestFormById(rt.tx, formId);
      if (!form) {
        return rt.raiseIncident(
          instance,
          'FORM_NOT_FOUND',
          `Expected to find a form with id '${formId}', but no form with this id is found, at least a form with this id should be available. To resolve the Incident please deploy a form with the same id`,
        );
      }
      headers['io.camunda.zeebe:formKey'] = form.key;
    }
    // Boundary events subscribe before the job exists, as in Zeebe: a failure to arm them is an
    // incident with no job yet (resolving it arms again), and a buffered message may interrupt at once.
    if (element.boundaryEventIds && !(await armBoundaryTimers(rt, process, element, instance, visible)))
      return;
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
  },
};

function value(v: ValueOrExpression, variables: Record<string, unknown>, now: number): unknown {
  return v.kind === 'static' ? v.value : evaluate(v.source, variables, now);
}
