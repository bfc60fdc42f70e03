import { evaluate } from 'feelin';
import type { FieldError } from '../server/errors.ts';

/**
 * Checks what a person submits against the task's form-js schema, as the form itself would
 * before submitting: required fields, types, min/max, minLength/maxLength, pattern, e-mail and
 * phone, the options of selects, radios and checklists. Fields hidden by their condition,
 * read-only, disabled or computed are not taken from the submission (form-js does not submit
 * them, or shows them for reading only). A field not on the form is refused: a task's
 * completion changes only what its form offers.
 */
export interface Component {
  type?: string;
  key?: string;
  path?: string;
  label?: string;
  readonly?: boolean | string;
  disabled?: boolean;
  components?: Component[];
  values?: { value: unknown }[];
  valuesKey?: string;
  valuesExpression?: string;
  subtype?: string;
  serializeToString?: boolean;
  conditional?: { hide?: string };
  validate?: {
    required?: boolean;
    min?: number | string;
    max?: number | string;
    minLength?: number | string;
    maxLength?: number | string;
    pattern?: string;
    validationType?: string;
  };
}

export interface FormCheck {
  /** What is sent to the engine: the submission without what the form does not take from it. */
  variables: Record<string, unknown>;
  errors: FieldError[];
}

type Data = Record<string, unknown>;

const LAYOUT = new Set([
  'text',
  'html',
  'image',
  'spacer',
  'separator',
  'button',
  'iframe',
  'table',
  'documentPreview',
]);
const NOT_SUBMITTED = new Set(['expression']);
const EMAIL = /^[\w.+-]+@([\w-]+\.)+[\w-]{2,}$/;
/** International form, as form-js's phone validation: a country code, then the number. */
const PHONE = /^(\+|00)[1-9][\d ]{6,17}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function checkAgainstForm(
  schema: Record<string, unknown>,
  submitted: Data,
  current: Data,
  formId: string,
): FormCheck {
  const variables = structuredClone(submitted);
  const errors: FieldError[] = [];
  const context = { ...current, ...submitted };
  const components = (schema.components as Component[] | undefined) ?? [];
  const known = new Set<string>();
  walk(components, [], (_component, path) => known.add(path[0] as string));
  for (const name of Object.keys(submitted))
    if (!known.has(name)) errors.push(fieldError([name], `is not a field of the form '${formId}'`));
  checkLevel(components, [], { submitted, current, variables, context, errors });
  return { variables, errors };
}

interface Scope {
  submitted: Data;
  current: Data;
  /** Where accepted values stay; fields not taken are deleted from it. */
  variables: Data;
  context: Data;
  errors: FieldError[];
  /** Where errors point: a list item's fields are named under the list and index. */
  prefix?: string[];
}

/** Calls `visit` for every field of a level (through groups with or without a path). */
function walk(components: Component[], base: string[], visit: (c: Component, path: string[]) => void): void {
  for (const component of components) {
    const type = component.type ?? '';
    if (type === 'group' || type === 'dynamiclist') {
      const path = component.path ? [...base, ...component.path.split('.')] : base;
      if (type === 'dynamiclist') {
        if (path.length > base.length) visit(component, path);
      } else walk(component.components ?? [], path, visit);
    } else if (component.key && !LAYOUT.has(type)) visit(component, [...base, ...component.key.split('.')]);
  }
}

function checkLevel(components: Component[], base: string[], scope: Scope): void {
  walk(components, base, (component, path) => {
    const named = [...(scope.prefix ?? []), ...path];
    if (component.conditional?.hide && isTrue(component.conditional.hide, scope.context)) {
      remove(scope.variables, path);
      return;
    }
    const readonly =
      component.readonly === true ||
      (typeof component.readonly === 'string' && isTrue(component.readonly, scope.context));
    if (readonly || component.disabled || NOT_SUBMITTED.has(component.type ?? '')) {
      remove(scope.variables, path);
      return;
    }
    const value = get(scope.submitted, path);
    const effective = value === undefined ? get(scope.current, path) : value;
    const rules = component.validate ?? {};
    if (rules.required && isEmpty(effective)) {
      scope.errors.push(fieldError(named, 'is required'));
      return;
    }
    if (value === undefined || value === null) return;
    if (component.type === 'dynamiclist') return checkList(component, path, value, scope);
    const problem = checkValue(component, value, scope.context);
    if (problem) scope.errors.push(fieldError(named, problem));
  });
}

function checkList(component: Component, path: string[], value: unknown, scope: Scope): void {
  const named = [...(scope.prefix ?? []), ...path];
  if (!Array.isArray(value)) {
    scope.errors.push(fieldError(named, 'must be a list'));
    return;
  }
  value.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      scope.errors.push(fieldError([...named, String(index)], 'must be an object'));
      return;
    }
    const kept = (get(scope.variables, path) as Data[])[index] as Data;
    checkLevel(component.components ?? [], [], {
      submitted: item as Data,
      current: {},
      variables: kept,
      context: { ...scope.context, ...(item as Data) },
      errors: scope.errors,
      prefix: [...named, String(index)],
    });
  });
}

/** What is wrong with a submitted value for this field, if anything. */
function checkValue(component: Component, value: unknown, context: Data): string | undefined {
  const rules = component.validate ?? {};
  const options = staticOptions(component);
  switch (component.type) {
    case 'number': {
      const n = typeof value === 'string' && component.serializeToString ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) return 'must be a number';
      const min = bound(rules.min, context);
      const max = bound(rules.max, context);
      if (min !== undefined && n < min) return `must be at least ${min}`;
      if (max !== undefined && n > max) return `must be at most ${max}`;
      return undefined;
    }
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'checklist':
    case 'taglist': {
      if (!Array.isArray(value)) return 'must be a list';
      const outside = options && value.find((v) => !options.some((o) => same(o, v)));
      return outside === undefined ? undefined : `${JSON.stringify(outside)} is not one of the options`;
    }
    case 'radio':
    case 'select':
      if (typeof value === 'object') return 'must be a single value';
      return options && !options.some((o) => same(o, value)) ? 'is not one of the options' : undefined;
    case 'datetime': {
      if (typeof value !== 'string') return 'must be a date or time as text';
      const [format, what] =
        component.subtype === 'time'
          ? [TIME, 'a time (HH:mm)']
          : component.subtype === 'datetime'
            ? [DATE_TIME, 'a date and time (YYYY-MM-DDTHH:mm)']
            : [DATE, 'a date (YYYY-MM-DD)'];
      return format.test(value) ? undefined : `must be ${what}`;
    }
    default:
      return checkText(rules, value, context);
  }
}

function checkText(
  rules: NonNullable<Component['validate']>,
  value: unknown,
  context: Data,
): string | undefined {
  if (typeof value !== 'string') return 'must be text';
  const length = value.trim().length;
  const minLength = bound(rules.minLength, context);
  const maxLength = bound(rules.maxLength, context);
  if (minLength !== undefined && length < minLength) return `must have at least ${minLength} characters`;
  if (maxLength !== undefined && length > maxLength) return `must have at most ${maxLength} characters`;
  if (value === '') return undefined;
  if (rules.validationType === 'email' && !EMAIL.test(value)) return 'must be an e-mail address';
  if (rules.validationType === 'phone' && !PHONE.test(value))
    return 'must be a phone number with its country code (+62…)';
  if (rules.pattern && !matches(rules.pattern, value)) return `must match the pattern ${rules.pattern}`;
  return undefined;
}

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return true; // a pattern the form's author got wrong does not block the task
  }
}

/** The fixed options of a select, radio, checklist or taglist; undefined when they come from data. */
function staticOptions(component: Component): unknown[] | undefined {
  if (component.valuesKey || component.valuesExpression || !Array.isArray(component.values)) return undefined;
  return component.values.map((option) => option?.value);
}

const same = (a: unknown, b: unknown) => a === b || (a !== null && b !== null && String(a) === String(b));

/** A number, or a FEEL expression (`=…`) giving one, evaluated on the form's data. */
function bound(value: number | string | undefined, context: Data): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const result = value.startsWith('=') ? feel(value.slice(1), context) : Number(value);
  return typeof result === 'number' && Number.isFinite(result) ? result : undefined;
}

function isTrue(expression: string, context: Data): boolean {
  return feel(expression.replace(/^=/, ''), context) === true;
}

function feel(expression: string, context: Data): unknown {
  try {
    return evaluate(expression, context).value;
  } catch {
    return undefined;
  }
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

function get(data: Data, path: string[]): unknown {
  let at: unknown = data;
  for (const part of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Data)[part];
  }
  return at;
}

function remove(data: Data, path: string[]): void {
  const parent = get(data, path.slice(0, -1));
  if (typeof parent === 'object' && parent !== null) delete (parent as Data)[path[path.length - 1] as string];
}

const fieldError = (path: string[], message: string): FieldError => ({
  field: ['body', 'variables', ...path].join('.'),
  message,
});
