import type { LintProblem } from '../../engine/index.ts';
import { ModuleError } from '../server/errors.ts';

const statuses = {
  MODEL_NOT_FOUND: 404,
  VERSION_NOT_FOUND: 404,
  /** A model with this name (its id) exists already: save a new version of it instead. */
  MODEL_EXISTS: 409,
  /** Another model already deploys this process, decision or form id. */
  RESOURCE_ID_TAKEN: 409,
  /** The content is the same as the latest version: nothing to save. */
  UNCHANGED: 409,
  /** The content would not deploy: the problem names the element (400 naming body.content). */
  INVALID_CONTENT: 400,
  /** The BPMN has lint errors (Camunda 8.8 compatibility, bpmnlint): fix them before deploying. */
  LINT_ERRORS: 422,
  REQUEST_NOT_FOUND: 404,
  /** This version already waits for a decision. */
  REQUEST_PENDING: 409,
  /** Only a pending request can be approved or rejected. */
  REQUEST_DECIDED: 409,
  /** Four eyes: whoever asked for a deploy never approves it, whatever their roles. */
  FOUR_EYES: 403,
  /** The caller's roles do not allow this (checked in the service as well as the route). */
  FORBIDDEN: 403,
  /** The engine refused the deployment (the problem carries its reason). */
  DEPLOY_FAILED: 422,
  /** No process with this id is deployed. */
  PROCESS_NOT_FOUND: 404,
  PROCESS_DEFINITION_NOT_FOUND: 404,
  /** No active process instance with this key. */
  INSTANCE_NOT_FOUND: 404,
  INCIDENT_NOT_FOUND: 404,
  /** The incident is resolved already. */
  INCIDENT_NOT_ACTIVE: 409,
  /** Zeebe mode without ZEEBE_REST_ADDRESS: the platform cannot read incidents or element instances. */
  READ_API_UNAVAILABLE: 501,
  /** The engine did not answer: try again. */
  ENGINE_UNAVAILABLE: 503,
} as const;

export type RepositoryErrorCode = keyof typeof statuses;

export class RepositoryError extends ModuleError<RepositoryErrorCode> {
  readonly statuses = statuses;
  /** LINT_ERRORS: every lint finding, as `POST /api/designer/lint` gives them. */
  problems?: LintProblem[];
}

export const modelNotFound = (id: string) =>
  new RepositoryError('MODEL_NOT_FOUND', `There is no model '${id}'`, [
    { field: 'path.id', message: 'no such model' },
  ]);

export const lintErrors = (problems: LintProblem[]) => {
  const errors = problems.filter((p) => p.category === 'error');
  const error = new RepositoryError(
    'LINT_ERRORS',
    `The model has ${errors.length} lint error(s); fix them before deploying: ${errors
      .map((p) => (p.id ? `Element '${p.id}': ${p.message}` : p.message))
      .join('; ')}`,
    // The stored version's content is what fails, not anything in this request's body.
    errors.map((p) => ({
      field: 'content',
      message: `${p.id ? `Element '${p.id}': ` : ''}${p.message} (${p.rule})`,
    })),
  );
  error.problems = problems;
  return error;
};
