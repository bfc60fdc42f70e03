import schema from '@camunda/zeebe-element-templates-json-schema/resources/schema.json' with { type: 'json' };
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { type Catalogue, problem, type ShippedTemplate } from './catalogue.ts';
import type { RegisteredWorker } from './worker-types.ts';

export const TEMPLATE_SCHEMA_URL =
  'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';

interface TemplateProperty {
  id?: string;
  label?: string;
  type?: string;
  value?: unknown;
  binding?: { type?: string; name?: string; property?: string; source?: string };
}

let validate: ValidateFunction | undefined;

/** The schema Desktop Modeler checks templates against (draft-07; strict off for its extra keywords). */
function schemaValidator(): ValidateFunction {
  validate ??= new Ajv({ strict: false, allErrors: true }).compile(schema);
  return validate;
}

function where(t: ShippedTemplate): string {
  return `template '${String(t.template.id ?? `#${t.index + 1}`)}'`;
}

function propertiesOf(t: ShippedTemplate): TemplateProperty[] {
  return Array.isArray(t.template.properties) ? (t.template.properties as TemplateProperty[]) : [];
}

/** The job type a template sets: its `zeebe:taskDefinition` `type` (or the older `zeebe:taskDefinition:type`). */
export function templateJobType(t: ShippedTemplate): string | undefined {
  const property = propertiesOf(t).find(
    ({ binding }) =>
      (binding?.type === 'zeebe:taskDefinition' && binding.property === 'type') ||
      binding?.type === 'zeebe:taskDefinition:type',
  );
  return typeof property?.value === 'string' ? property.value : undefined;
}

/**
 * The schema's errors that say what to fix. The root is `oneOf` (one template, or an array of
 * them) and its `if`/`then` branches repeat their inner error: drop those echoes.
 */
function describe(t: ShippedTemplate, errors: readonly ErrorObject[]): string[] {
  const properties = propertiesOf(t);
  const useful = errors.filter((e) => !['oneOf', 'if', 'anyOf'].includes(e.keyword) && e.instancePath !== '');
  const list =
    useful.length > 0 ? useful : errors.filter((e) => e.instancePath === '' && e.keyword !== 'oneOf');
  return [
    ...new Set(
      list.map((e) => {
        const index = /^\/properties\/(\d+)/.exec(e.instancePath)?.[1];
        const property = index === undefined ? undefined : properties[Number(index)];
        const name = property
          ? ` (property '${property.id ?? property.label ?? property.binding?.name ?? index}')`
          : '';
        const params =
          e.keyword === 'additionalProperties'
            ? ` '${String(e.params.additionalProperty)}'`
            : e.keyword === 'enum'
              ? `: ${(e.params.allowedValues as unknown[]).join(', ')}`
              : '';
        return `${e.instancePath || '/'}${name} ${e.message ?? e.keyword}${params}`;
      }),
    ),
  ];
}

/**
 * Every template fits Camunda's element template schema, follows our conventions (Bahasa
 * Indonesia name, a Hidden job type, a service task), its job type has a worker, and its inputs
 * are the variables that worker reads, the required ones all present.
 */
export function templateProblems(catalogue: Catalogue, workers: readonly RegisteredWorker[]): string[] {
  const problems: string[] = [];
  const byType = new Map(workers.map((w) => [w.type, w]));
  const ids = new Map<unknown, string>();
  for (const t of catalogue.templates) {
    const at = where(t);
    const add = (message: string) => problems.push(problem(t.file, `${at}: ${message}`));
    const valid = schemaValidator();
    if (!valid(t.template))
      for (const line of describe(t, valid.errors ?? []))
        add(`does not fit the element template schema: ${line}`);
    if (t.template.$schema !== TEMPLATE_SCHEMA_URL) add(`$schema must be ${TEMPLATE_SCHEMA_URL}`);
    if (ids.has(t.template.id)) add(`the id is used by ${ids.get(t.template.id)} too`);
    ids.set(t.template.id, t.file);
    const elementType = (t.template.elementType as { value?: unknown } | undefined)?.value;
    if (elementType !== 'bpmn:ServiceTask') add('elementType.value must be "bpmn:ServiceTask"');
    const type = templateJobType(t);
    if (type === undefined) {
      add('sets no job type: it needs a Hidden property bound to zeebe:taskDefinition "type"');
      continue;
    }
    const jobProperty = propertiesOf(t).find(
      (p) => p.value === type && p.binding?.type?.startsWith('zeebe:taskDefinition'),
    );
    if (jobProperty?.type !== 'Hidden')
      add(`the job type property must be Hidden, so a modeller cannot change '${type}'`);
    const worker = byType.get(type);
    if (!worker) {
      add(`job type '${type}' has no worker: no module's workers(context) in MODULES registers it`);
      continue;
    }
    if (!worker.variables) continue;
    const inputs = propertiesOf(t)
      .filter((p) => p.binding?.type === 'zeebe:input')
      .map((p) => p.binding?.name ?? '');
    const known = new Set(worker.variables.map((v) => v.name));
    for (const input of inputs) {
      if (!known.has(input)) add(`input '${input}' is not a variable the worker '${type}' reads`);
    }
    for (const variable of worker.variables) {
      if (variable.required && !inputs.includes(variable.name)) {
        add(
          `the worker '${type}' requires the variable '${variable.name}', but the template has no input for it`,
        );
      }
    }
  }
  return problems;
}

/** Every CRM worker can be placed from the modeler's palette: it has a template. */
export function workersWithoutTemplate(catalogue: Catalogue, workers: readonly RegisteredWorker[]): string[] {
  const templated = new Set(catalogue.templates.map(templateJobType));
  return workers
    .filter((w) => w.type.startsWith('crm.') && !templated.has(w.type))
    .map(
      (w) =>
        `${catalogue.dir}: the worker '${w.type}' of module '${w.module}' has no element template in element-templates/${w.module}.json`,
    );
}
