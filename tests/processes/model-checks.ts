import { basename } from 'node:path';
import type { ExecutableProcess, FlowElement, ValueOrExpression } from '../../engine/model/types.ts';
import { type Catalogue, type FormComponent, problem, type ShippedModel } from './catalogue.ts';
import type { RegisteredWorker } from './worker-types.ts';

/** The job type of job-based user tasks, which the tasks module serves (DESIGN seam 2). */
export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';

type Where = { file: string; element: FlowElement };

function* elementsOf(models: readonly ShippedModel[]): Generator<Where> {
  for (const model of models) {
    for (const process of model.processes) {
      for (const element of Object.values(process.elements)) yield { file: model.file, element };
    }
  }
}

/**
 * A shipped model names its job types, forms, decisions and called processes statically, so
 * this suite can resolve them before anything runs; `undefined` (reported) for an expression.
 */
function staticValue(
  value: ValueOrExpression,
  what: string,
  at: Where,
  problems: string[],
): string | undefined {
  if (value.kind === 'static') return value.value;
  problems.push(
    problem(
      at.file,
      `the ${what} is the expression '=${value.source}'; shipped models name it statically`,
      at.element.id,
    ),
  );
  return undefined;
}

/** Every job a model creates is served: a platform worker takes its type, or the task list does. */
export function jobsWithoutWorker(catalogue: Catalogue, workers: readonly RegisteredWorker[]): string[] {
  const types = new Set(workers.map((w) => w.type));
  const problems: string[] = [];
  for (const at of elementsOf(catalogue.models)) {
    if (!at.element.job) continue;
    const type = staticValue(at.element.job.type, 'job type', at, problems);
    if (type === undefined || type === USER_TASK_JOB_TYPE || types.has(type)) continue;
    problems.push(
      problem(
        at.file,
        `job type '${type}' has no worker: no module's workers(context) in MODULES registers it`,
        at.element.id,
      ),
    );
  }
  return problems;
}

/** Linked forms only (`zeebe:formDefinition formId`), each naming a form of the folder. */
export function unresolvedForms(catalogue: Catalogue): string[] {
  const formIds = new Set(catalogue.forms.map((f) => f.schema.id));
  const problems: string[] = [];
  for (const at of elementsOf(catalogue.models)) {
    const userTask = at.element.userTask;
    if (userTask?.formKey !== undefined) {
      problems.push(
        problem(
          at.file,
          `uses the embedded form key '${userTask.formKey}'; shipped user tasks link a form by formId`,
          at.element.id,
        ),
      );
    }
    if (userTask?.formId !== undefined && !formIds.has(userTask.formId)) {
      problems.push(
        problem(
          at.file,
          `links the form '${userTask.formId}', but no .form in ${catalogue.dir} has that id`,
          at.element.id,
        ),
      );
    }
  }
  return problems;
}

/** Business rule tasks evaluate decisions of the folder's decision tables. */
export function unresolvedDecisions(catalogue: Catalogue): string[] {
  const decisionIds = new Set(catalogue.decisions.flatMap((d) => d.decisionIds));
  const problems: string[] = [];
  for (const at of elementsOf(catalogue.models)) {
    if (!at.element.calledDecision) continue;
    const id = staticValue(at.element.calledDecision.decisionId, 'decision id', at, problems);
    if (id !== undefined && !decisionIds.has(id)) {
      problems.push(
        problem(
          at.file,
          `calls the decision '${id}', but no .dmn in ${catalogue.dir} defines it`,
          at.element.id,
        ),
      );
    }
  }
  return problems;
}

/** Call activities start processes shipped beside them. */
export function unresolvedCalledProcesses(catalogue: Catalogue): string[] {
  const processIds = new Set(
    catalogue.models.flatMap((m) => m.processes.map((p: ExecutableProcess) => p.bpmnProcessId)),
  );
  const problems: string[] = [];
  for (const at of elementsOf(catalogue.models)) {
    if (!at.element.calledElement) continue;
    const id = staticValue(at.element.calledElement.processId, 'called process id', at, problems);
    if (id !== undefined && !processIds.has(id)) {
      problems.push(
        problem(
          at.file,
          `calls the process '${id}', but no .bpmn in ${catalogue.dir} defines it`,
          at.element.id,
        ),
      );
    }
  }
  return problems;
}

/** STYLE rule 10: `<module>-<process>.bpmn` holds the executable process of that id. */
export function misnamedModels(catalogue: Catalogue): string[] {
  return catalogue.models.flatMap((model) => {
    const expected = basename(model.file, '.bpmn');
    if (model.processes.length === 0 || model.processes.some((p) => p.bpmnProcessId === expected)) return [];
    const ids = model.processes.map((p) => `'${p.bpmnProcessId}'`).join(', ');
    return [
      problem(
        model.file,
        `the process id must equal the file name '${expected}', but the file defines ${ids}`,
      ),
    ];
  });
}

/**
 * Forms: a unique id (the formId models link), made for Camunda 8.8, and every label and text in
 * both languages (the designer's language switch reads `label_en` / `text_en`).
 */
export function formProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const seen = new Map<unknown, string>();
  for (const { file, schema } of catalogue.forms) {
    if (typeof schema.id !== 'string' || schema.id.trim() === '') {
      problems.push(problem(file, 'the form needs an id (the formId that models link)'));
    } else if (seen.has(schema.id)) {
      problems.push(problem(file, `the form id '${schema.id}' is used by ${seen.get(schema.id)} too`));
    } else seen.set(schema.id, file);
    if (schema.executionPlatform !== 'Camunda Cloud' || schema.executionPlatformVersion !== '8.8.0') {
      problems.push(
        problem(
          file,
          'the form must declare executionPlatform "Camunda Cloud" and executionPlatformVersion "8.8.0"',
        ),
      );
    }
    const visit = (components: readonly FormComponent[]) => {
      for (const c of components) {
        const name = c.id ?? c.key ?? c.type ?? '?';
        if (typeof c.label === 'string' && c.label.trim() !== '' && !nonEmpty(c.properties?.label_en)) {
          problems.push(
            problem(file, `component '${name}' has the label '${c.label}' but no properties.label_en`),
          );
        }
        if (
          c.type === 'text' &&
          typeof c.text === 'string' &&
          c.text.trim() !== '' &&
          !nonEmpty(c.properties?.text_en)
        ) {
          problems.push(problem(file, `text component '${name}' has no properties.text_en`));
        }
        visit(c.components ?? []);
      }
    };
    visit(schema.components ?? []);
  }
  return problems;
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** One deployment holds the folder: process and decision ids must be unique across its files. */
export function duplicateIds(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const check = (what: string, seen: Map<string, string>, id: string, file: string) => {
    const other = seen.get(id);
    if (other !== undefined)
      problems.push(problem(file, `the ${what} id '${id}' is defined in ${other} too`));
    else seen.set(id, file);
  };
  const processes = new Map<string, string>();
  for (const m of catalogue.models)
    for (const p of m.processes) check('process', processes, p.bpmnProcessId, m.file);
  const decisions = new Map<string, string>();
  for (const d of catalogue.decisions)
    for (const id of d.decisionIds) check('decision', decisions, id, d.file);
  return problems;
}
