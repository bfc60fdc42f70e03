import type { ZeebeGrpcClient } from '../../engine/index.ts';
import type { AuditLog } from '../audit/index.ts';
import { RepositoryError } from './errors.ts';
import type { ReadApi } from './read-api.ts';
import type { Actor } from './service.ts';

const NOT_FOUND = 5;
const FAILED_PRECONDITION = 9;

interface Incident {
  incidentKey: string;
  processInstanceKey: string;
  elementId: string;
  errorType: string;
  state: string;
  jobKey?: string;
}

/**
 * What an operator does to running processes (DESIGN seam 3): every change goes to the engine
 * over gRPC, on either engine; what it needs to know first (an incident's job) comes from the
 * `/v2` read API. Every operation is audited.
 */
export class Operations {
  constructor(private readonly deps: { zeebe: ZeebeGrpcClient; readApi: ReadApi; audit: AuditLog }) {}

  async start(bpmnProcessId: string, variables: Record<string, unknown>, actor: Actor): Promise<string> {
    let processInstanceKey: string;
    try {
      const answer = await this.deps.zeebe.createProcessInstance({ bpmnProcessId, variables } as never);
      processInstanceKey = String((answer as { processInstanceKey: unknown }).processInstanceKey);
    } catch (error) {
      if (grpcCode(error) === NOT_FOUND)
        throw new RepositoryError('PROCESS_NOT_FOUND', `No process '${bpmnProcessId}' is deployed`, [
          { field: 'path.bpmnProcessId', message: 'not deployed' },
        ]);
      throw engineError(error);
    }
    await this.audit(actor, 'process-instance.start', 'process-instance', processInstanceKey, {
      bpmnProcessId,
      variables: Object.keys(variables),
    });
    return processInstanceKey;
  }

  /**
   * Gives the incident's job `retries` again, then resolves the incident, as Operate does. An
   * incident without a job (a condition, an input mapping) is only resolved: the engine
   * tries the element again.
   */
  async retry(incidentKey: string, retries: number, actor: Actor): Promise<void> {
    const incident = await this.deps.readApi.get<Incident>(`/v2/incidents/${incidentKey}`);
    if (!incident)
      throw new RepositoryError('INCIDENT_NOT_FOUND', `There is no incident ${incidentKey}`, [
        { field: 'path.incidentKey', message: 'no such incident' },
      ]);
    if (incident.state !== 'ACTIVE')
      throw new RepositoryError(
        'INCIDENT_NOT_ACTIVE',
        `Incident ${incidentKey} is ${incident.state.toLowerCase()}`,
      );
    const { zeebe } = this.deps;
    try {
      if (incident.jobKey) await zeebe.updateJobRetries({ jobKey: incident.jobKey, retries });
      await zeebe.resolveIncident({ incidentKey });
    } catch (error) {
      if (grpcCode(error) === NOT_FOUND)
        throw new RepositoryError('INCIDENT_NOT_ACTIVE', `Incident ${incidentKey} was resolved meanwhile`);
      throw engineError(error);
    }
    await this.audit(actor, 'incident.retry', 'incident', incidentKey, {
      processInstanceKey: incident.processInstanceKey,
      elementId: incident.elementId,
      errorType: incident.errorType,
      ...(incident.jobKey ? { jobKey: incident.jobKey, retries } : {}),
    });
  }

  async cancel(processInstanceKey: string, actor: Actor): Promise<void> {
    try {
      await this.deps.zeebe.cancelProcessInstance(processInstanceKey);
    } catch (error) {
      const code = grpcCode(error);
      if (code === NOT_FOUND || code === FAILED_PRECONDITION)
        throw new RepositoryError(
          'INSTANCE_NOT_FOUND',
          `There is no active process instance ${processInstanceKey}`,
          [{ field: 'path.key', message: 'no active process instance' }],
        );
      throw engineError(error);
    }
    await this.audit(actor, 'process-instance.cancel', 'process-instance', processInstanceKey, {});
  }

  private audit(
    actor: Actor,
    action: string,
    entityType: string,
    entityId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.deps.audit.record({
      actor: actor.username,
      source: actor.source,
      action,
      entityType,
      entityId,
      details,
    });
  }
}

function grpcCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

function engineError(error: unknown): RepositoryError {
  const reason = error instanceof Error ? error.message : String(error);
  return new RepositoryError('ENGINE_UNAVAILABLE', `The process engine did not answer: ${reason}`);
}
