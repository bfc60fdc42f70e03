import { parseDmn } from './dmn/index.ts';
import { formIdOf } from './embedded/commands/deploy.ts';
import { checkExpression } from './feel/index.ts';
import { compileBpmn } from './model/compile.ts';
import { type ResourceKind, resourceKind } from './model/resource.ts';
import type { DeploymentProblem } from './model/types.ts';

export interface CheckedResource {
  kind: ResourceKind;
  /**
   * What the resource deploys as: the executable processes' ids (BPMN), the decisions' ids
   * (DMN, in document order), the form's id. Empty whenever there are problems.
   */
  ids: string[];
  /** The deploy-time verdict, as a deployment of this resource alone would give it. */
  problems: DeploymentProblem[];
}

/**
 * Checks one resource exactly as the embedded engine's deployment does (same compiler, same
 * FEEL parser, same DMN reader, same form rule), without deploying it: the designer's
 * repository refuses to save what would not deploy.
 */
export async function checkResource(name: string, content: string): Promise<CheckedResource> {
  const kind = resourceKind(name);
  if (kind === undefined) {
    return {
      kind: 'bpmn',
      ids: [],
      problems: [{ resourceName: name, message: 'unknown resource type; expected .bpmn, .dmn or .form' }],
    };
  }
  if (kind === 'bpmn') {
    const result = await compileBpmn(name, content, checkExpression);
    return { kind, ids: result.processes.map((p) => p.bpmnProcessId), problems: result.problems };
  }
  if (kind === 'dmn') {
    const result = await parseDmn(name, content.replace(/^\uFEFF/, ''));
    return { kind, ids: result.drg ? [...result.drg.decisions.keys()] : [], problems: result.problems };
  }
  const form = formIdOf(content);
  return 'problem' in form
    ? { kind, ids: [], problems: [{ resourceName: name, message: form.problem }] }
    : { kind, ids: [form.formId], problems: [] };
}
