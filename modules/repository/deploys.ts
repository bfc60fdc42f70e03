import { randomUUID } from 'node:crypto';
import { type Clock, lintBpmn, type ZeebeGrpcClient } from '../../engine/index.ts';
import type { AuditLog } from '../audit/index.ts';
import { allows } from '../identity/roles.ts';
import type { DeployedForms } from '../server/processes.ts';
import { resourceName } from './content.ts';
import { lintErrors, modelNotFound, RepositoryError } from './errors.ts';
import type { RepositoryStore, RequestRecord, VersionRecord } from './model.ts';
import type { Kind, RequestState } from './schema.ts';
import type { Actor } from './service.ts';

const INVALID_ARGUMENT = 3;

/** What the engine made of one deployed resource. */
interface Deployed {
  deploymentKey: string;
  resourceKey: string | null;
  version: number | null;
}

const requestNotFound = (id: string) =>
  new RepositoryError('REQUEST_NOT_FOUND', `There is no deploy request ${id}`, [
    { field: 'path.id', message: 'no such deploy request' },
  ]);

/**
 * Deploys under four eyes, as banks require for process changes: a process owner asks for a
 * version to be deployed; another process owner or an admin approves it, and only then does
 * it reach the engine (over gRPC, on either engine). The rules live here, not only in the
 * routes: the requester never approves their own request, whatever roles they hold; a BPMN
 * with lint errors is refused when asked for and again when approved.
 */
export class DeployService {
  constructor(
    private readonly deps: {
      store: RepositoryStore;
      clock: Clock;
      audit: AuditLog;
      zeebe: ZeebeGrpcClient;
      deployedForms: DeployedForms;
    },
  ) {}

  list(state?: RequestState): Promise<RequestRecord[]> {
    return this.deps.store.requests(state ? { state } : {});
  }

  async request(
    modelId: string,
    version: number,
    comment: string | undefined,
    actor: Actor,
  ): Promise<RequestRecord> {
    this.permit(actor, 'processes.design');
    const { store, clock } = this.deps;
    const model = await store.model(modelId);
    if (!model) throw modelNotFound(modelId);
    const content = await this.content(modelId, version);
    await this.lint(model.kind, content);
    return store.transaction(async (t) => {
      const pending = await store.requests({ state: 'pending', modelId }, t);
      const same = pending.find((r) => r.version === version);
      if (same)
        throw new RepositoryError(
          'REQUEST_PENDING',
          `Version ${version} of '${modelId}' already waits for approval (request ${same.id})`,
        );
      const request: RequestRecord = {
        id: randomUUID(),
        modelId,
        kind: model.kind,
        version,
        requestedBy: actor.username,
        requestedAt: clock.now(),
        comment: comment ?? null,
        state: 'pending',
        decidedBy: null,
        decidedAt: null,
        decisionComment: null,
        deploymentKey: null,
        resourceKey: null,
        deployedVersion: null,
      };
      const { kind: _, ...row } = request;
      await store.insertRequest(row, t);
      await this.audit(actor, 'deploy-request.create', request, { comment: request.comment }, t);
      return request;
    });
  }

  async approve(id: string, comment: string | undefined, actor: Actor): Promise<RequestRecord> {
    this.permit(actor, 'processes.approve');
    const request = await this.pending(id, actor);
    const content = await this.content(request.modelId, request.version);
    await this.lint(request.kind, content);
    const deployed = await this.deploy(request.modelId, request.kind, content);
    const decided: RequestRecord = {
      ...request,
      state: 'deployed',
      decidedBy: actor.username,
      decidedAt: this.deps.clock.now(),
      decisionComment: comment ?? null,
      deploymentKey: deployed.deploymentKey,
      resourceKey: deployed.resourceKey,
      deployedVersion: deployed.version,
    };
    const { store } = this.deps;
    await store.transaction(async (t) => {
      // Deploying twice is harmless (the engine keeps an unchanged resource's version), but
      // only one decision is recorded.
      if (!(await store.decide(decided, t))) throw decidedAlready(id);
      await store.setDeployedVersion(request.modelId, request.version, t);
      await this.audit(
        actor,
        'deploy-request.approve',
        decided,
        {
          comment: decided.decisionComment,
          deploymentKey: deployed.deploymentKey,
          resourceKey: deployed.resourceKey,
          engineVersion: deployed.version,
        },
        t,
      );
    });
    return decided;
  }

  async reject(id: string, comment: string, actor: Actor): Promise<RequestRecord> {
    this.permit(actor, 'processes.approve');
    const request = await this.pending(id, actor, { ownAllowed: true });
    const decided: RequestRecord = {
      ...request,
      state: 'rejected',
      decidedBy: actor.username,
      decidedAt: this.deps.clock.now(),
      decisionComment: comment,
    };
    const { store } = this.deps;
    await store.transaction(async (t) => {
      if (!(await store.decide(decided, t))) throw decidedAlready(id);
      await this.audit(actor, 'deploy-request.reject', decided, { comment }, t);
    });
    return decided;
  }

  /** A pending request the actor may decide: never their own approval (withdrawing it is fine). */
  private async pending(
    id: string,
    actor: Actor,
    options: { ownAllowed?: boolean } = {},
  ): Promise<RequestRecord> {
    const request = await this.deps.store.request(id);
    if (!request) throw requestNotFound(id);
    if (request.state !== 'pending') throw decidedAlready(id, request.state);
    if (!options.ownAllowed && request.requestedBy === actor.username)
      throw new RepositoryError(
        'FOUR_EYES',
        `${actor.username} asked for this deploy, so another process owner or an admin must approve it`,
      );
    return request;
  }

  private permit(actor: Actor, permission: 'processes.design' | 'processes.approve'): void {
    if (!allows(actor.roles, permission))
      throw new RepositoryError('FORBIDDEN', `This needs the permission '${permission}'`);
  }

  private async content(modelId: string, version: number): Promise<string> {
    const found: VersionRecord | undefined = await this.deps.store.version(modelId, version);
    if (!found)
      throw new RepositoryError('VERSION_NOT_FOUND', `Model '${modelId}' has no version ${version}`, [
        { field: 'path.version', message: 'no such version' },
      ]);
    return found.content;
  }

  private async lint(kind: Kind, content: string): Promise<void> {
    if (kind !== 'bpmn') return;
    const problems = await lintBpmn(content);
    if (problems.some((p) => p.category === 'error')) throw lintErrors(problems);
  }

  /** One resource per deployment: forms and decisions are models of their own. */
  private async deploy(modelId: string, kind: Kind, content: string): Promise<Deployed> {
    const name = resourceName(modelId, kind);
    const buffer = Buffer.from(content, 'utf8');
    const resource =
      kind === 'bpmn'
        ? { name, process: buffer }
        : kind === 'dmn'
          ? { name, decision: buffer }
          : { name, form: buffer };
    let answer: { key: unknown; deployments: Record<string, Record<string, unknown> | undefined>[] };
    try {
      answer = (await this.deps.zeebe.deployResources([resource] as never)) as unknown as typeof answer;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if ((error as { code?: unknown }).code === INVALID_ARGUMENT)
        throw new RepositoryError('DEPLOY_FAILED', `The engine refused the deployment: ${reason}`);
      throw new RepositoryError('ENGINE_UNAVAILABLE', `The process engine did not answer: ${reason}`);
    }
    const deploymentKey = String(answer.key);
    for (const deployment of answer.deployments) {
      const { process, decisionRequirements, form } = deployment;
      if (process) {
        const key = String(process.processDefinitionKey);
        this.deps.deployedForms.addModel(key, content);
        return { deploymentKey, resourceKey: key, version: Number(process.version) };
      }
      if (decisionRequirements)
        return {
          deploymentKey,
          resourceKey: String(decisionRequirements.decisionRequirementsKey),
          version: Number(decisionRequirements.version),
        };
      if (form) {
        const formKey = String(form.formKey);
        // The task list resolves linked forms here in Zeebe mode (it cannot read them back).
        this.deps.deployedForms.add({
          formKey,
          formId: String(form.formId),
          version: Number(form.version),
          schema: content,
        });
        return { deploymentKey, resourceKey: formKey, version: Number(form.version) };
      }
    }
    return { deploymentKey, resourceKey: null, version: null };
  }

  private audit(
    actor: Actor,
    action: string,
    request: RequestRecord,
    details: Record<string, unknown>,
    t: Parameters<AuditLog['record']>[1],
  ): Promise<void> {
    return this.deps.audit.record(
      {
        actor: actor.username,
        source: actor.source,
        action,
        entityType: 'deploy-request',
        entityId: request.id,
        details: { modelId: request.modelId, version: request.version, ...details },
      },
      t,
    );
  }
}

function decidedAlready(id: string, state?: string): RepositoryError {
  return new RepositoryError(
    'REQUEST_DECIDED',
    `Deploy request ${id} is ${state ?? 'decided'} already: only a pending request can be approved or rejected`,
  );
}
