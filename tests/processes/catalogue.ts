import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parseDmn } from '../../engine/dmn/index.ts';
import { checkExpression } from '../../engine/feel/index.ts';
import { compileBpmn } from '../../engine/model/compile.ts';
import type { DeploymentProblem, ExecutableProcess } from '../../engine/model/types.ts';

/** A problem in one shipped file, rendered as a reader fixes it: `<file>: Element '<id>': <what>`. */
export function problem(file: string, message: string, elementId?: string): string {
  return elementId === undefined ? `${file}: ${message}` : `${file}: Element '${elementId}': ${message}`;
}

export function fromDeployment(p: DeploymentProblem): string {
  return problem(p.resourceName, p.message, p.elementId);
}

export interface ShippedModel {
  file: string;
  xml: string;
  /** Empty when the engine's compiler found problems (they are in `Catalogue.problems`). */
  processes: ExecutableProcess[];
}

export interface ShippedDecisions {
  file: string;
  xml: string;
  decisionIds: string[];
}

/** A form-js component, as far as the checks read it (groups and lists nest components). */
export interface FormComponent {
  id?: string;
  type?: string;
  key?: string;
  label?: string;
  text?: string;
  properties?: Record<string, unknown>;
  components?: FormComponent[];
}

export interface ShippedForm {
  file: string;
  schema: FormComponent & Record<string, unknown>;
}

export interface ShippedTemplate {
  file: string;
  /** Position in the file: a template file may hold one template or an array of them. */
  index: number;
  template: Record<string, unknown>;
}

/** Everything in a processes folder, read and compiled as the engine deploys it. */
export interface Catalogue {
  dir: string;
  models: ShippedModel[];
  decisions: ShippedDecisions[];
  forms: ShippedForm[];
  templates: ShippedTemplate[];
  /** What could not be read or compiled, one line per problem. */
  problems: string[];
}

export const TEMPLATES_FOLDER = 'element-templates';

/**
 * Reads `dir` as `deployProcesses` deploys it (every .bpmn, .dmn and .form file, names sorted)
 * plus its element templates, compiling models and decision tables with the engine's own code.
 */
export async function readCatalogue(dir: string): Promise<Catalogue> {
  const catalogue: Catalogue = { dir, models: [], decisions: [], forms: [], templates: [], problems: [] };
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  for (const file of names) {
    const kind = extname(file);
    if (kind !== '.bpmn' && kind !== '.dmn' && kind !== '.form') continue;
    const text = (await readFile(join(dir, file), 'utf8')).replace(/^\uFEFF/, '');
    if (kind === '.bpmn') {
      const compiled = await compileBpmn(file, text, checkExpression);
      catalogue.problems.push(...compiled.problems.map(fromDeployment));
      catalogue.models.push({ file, xml: text, processes: compiled.processes });
    } else if (kind === '.dmn') {
      const parsed = await parseDmn(file, text);
      catalogue.problems.push(...parsed.problems.map(fromDeployment));
      catalogue.decisions.push({ file, xml: text, decisionIds: [...(parsed.drg?.decisions.keys() ?? [])] });
    } else {
      const schema = readJson(file, text, catalogue.problems);
      if (schema === undefined) continue;
      if (Array.isArray(schema) || typeof schema !== 'object' || schema === null) {
        catalogue.problems.push(problem(file, 'a form must be one form-js schema (a JSON object)'));
        continue;
      }
      catalogue.forms.push({ file, schema: schema as ShippedForm['schema'] });
    }
  }
  await readTemplates(join(dir, TEMPLATES_FOLDER), catalogue);
  return catalogue;
}

async function readTemplates(dir: string, catalogue: Catalogue): Promise<void> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  for (const name of names) {
    const file = `${TEMPLATES_FOLDER}/${name}`;
    const json = readJson(file, await readFile(join(dir, name), 'utf8'), catalogue.problems);
    if (json === undefined) continue;
    const list = Array.isArray(json) ? json : [json];
    list.forEach((template, index) => {
      if (typeof template === 'object' && template !== null && !Array.isArray(template)) {
        catalogue.templates.push({ file, index, template: template as Record<string, unknown> });
      } else {
        catalogue.problems.push(problem(file, `template #${index + 1} is not a JSON object`));
      }
    });
  }
}

function readJson(file: string, text: string, problems: string[]): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    problems.push(problem(file, `is not valid JSON: ${(error as Error).message}`));
    return undefined;
  }
}
