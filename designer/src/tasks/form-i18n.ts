/**
 * The shipped forms are written in Bahasa Indonesia and carry English beside it in custom
 * properties: `label_en`, `text_en`, `description_en`, and `values_en` / `columns_en` (labels
 * separated by `;`, in order). form-js knows none of that, so the schema is translated before
 * it is imported; validation messages (form-js's and the server's, both English) likewise.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const splitList = (text: unknown): string[] | undefined =>
  typeof text === 'string' ? text.split(';').map((part) => part.trim()) : undefined;

function relabel(items: unknown, labels: string[] | undefined): unknown {
  if (!Array.isArray(items) || !labels) return items;
  return items.map((item, i) => (isObject(item) && labels[i] ? { ...item, label: labels[i] } : item));
}

function localizeComponent(component: Json): Json {
  const props = isObject(component.properties) ? component.properties : {};
  const out: Json = { ...component };
  for (const field of ['label', 'text', 'description'] as const) {
    const english = props[`${field}_en`];
    if (typeof english === 'string' && english.trim() !== '') out[field] = english;
  }
  out.values = relabel(component.values, splitList(props.values_en));
  out.columns = relabel(component.columns, splitList(props.columns_en));
  if (component.values === undefined) delete out.values;
  if (component.columns === undefined) delete out.columns;
  if (Array.isArray(component.components))
    out.components = component.components.map((c) => (isObject(c) ? localizeComponent(c) : c));
  return out;
}

/** The schema in `language`: Indonesian as written, English from the `*_en` properties. */
export function localizeSchema(schema: Json, language: string): Json {
  if (language !== 'en' || !Array.isArray(schema.components)) return schema;
  return { ...schema, components: schema.components.map((c) => (isObject(c) ? localizeComponent(c) : c)) };
}

/** Every keyed field of the schema: key → { id, label } (labels as shown, for error summaries). */
export function fieldsByKey(schema: Json): Map<string, { id: string; label: string }> {
  const out = new Map<string, { id: string; label: string }>();
  const walk = (components: unknown) => {
    if (!Array.isArray(components)) return;
    for (const c of components) {
      if (!isObject(c)) continue;
      if (typeof c.key === 'string' && typeof c.id === 'string')
        out.set(c.key, { id: c.id, label: typeof c.label === 'string' ? c.label : c.key });
      walk(c.components);
    }
  };
  walk(schema.components);
  return out;
}

/** `body.variables.rootCause` (the server's field path) → `rootCause`. */
export const variableOfField = (field: string): string =>
  field.replace(/^body\.variables\./, '').split('.')[0] ?? field;

const ID_MESSAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  // form-js's validator
  [/^Field is required\.$/, () => 'Wajib diisi.'],
  [/^Field must have minimum length of (\S+)\.$/, (m) => `Minimal ${m[1]} karakter.`],
  [/^Field must have maximum length of (\S+)\.$/, (m) => `Maksimal ${m[1]} karakter.`],
  [/^Field must have minimum value of (\S+)\.$/, (m) => `Paling kecil ${m[1]}.`],
  [/^Field must have maximum value of (\S+)\.$/, (m) => `Paling besar ${m[1]}.`],
  [/^Field must match pattern (.+)\.$/, (m) => `Harus sesuai pola ${m[1]}.`],
  [/^Field must be a valid email\.$/, () => 'Harus alamat e-mail yang sah.'],
  [
    /^Field must be a valid +international phone number.*$/,
    () => 'Harus nomor telepon dengan kode negara (+62…).',
  ],
  [/^Value is not a number\.$/, () => 'Bukan angka.'],
  // the server's form check (modules/tasks/form-validation.ts)
  [/^is required$/, () => 'Wajib diisi.'],
  [/^must have at least (\S+) characters$/, (m) => `Minimal ${m[1]} karakter.`],
  [/^must have at most (\S+) characters$/, (m) => `Maksimal ${m[1]} karakter.`],
  [/^must be at least (\S+)$/, (m) => `Paling kecil ${m[1]}.`],
  [/^must be at most (\S+)$/, (m) => `Paling besar ${m[1]}.`],
  [/^(.+ )?is not one of the options$/, () => 'Bukan salah satu pilihan yang tersedia.'],
  [/^must be a number$/, () => 'Harus angka.'],
  [/^must be text$/, () => 'Harus teks.'],
  [/^must be an e-mail address$/, () => 'Harus alamat e-mail yang sah.'],
  [/^is not a field of the form/, () => 'Bukan isian formulir ini.'],
];

/** A field's validation message in `language` (the English ones as they come, capitalised). */
export function fieldMessage(message: string, language: string): string {
  if (language === 'id')
    for (const [pattern, say] of ID_MESSAGES) {
      const match = pattern.exec(message);
      if (match) return say(match);
    }
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?)]$/.test(text) ? text : `${text}.`;
}

/**
 * The data the form shows: read-only fields holding a known code (a category, a severity) show
 * it in words. form-js never submits read-only fields and the server ignores them, so only the
 * display changes; a key any FEEL expression of the form reads is left as it is.
 */
export function displayData(
  schema: Json,
  variables: Json,
  words: (name: string, code: string) => string | undefined,
): Json {
  const expressions = JSON.stringify(schema)
    .split('"')
    .filter((text) => text.startsWith('='))
    .join(' ');
  const out: Json = { ...variables };
  const walk = (components: unknown) => {
    if (!Array.isArray(components)) return;
    for (const c of components) {
      if (!isObject(c)) continue;
      walk(c.components);
      const key = c.key;
      if (c.readonly !== true || typeof key !== 'string' || typeof variables[key] !== 'string') continue;
      if (new RegExp(`\\b${key}\\b`).test(expressions)) continue;
      const said = words(key, variables[key] as string);
      if (said !== undefined) out[key] = said;
    }
  };
  walk(schema.components);
  return out;
}

/**
 * What completing a task sends: the form's data without its read-only fields. They only show
 * the task's variables (some turned into words by displayData), and sending them back would
 * overwrite the process's codes with those words.
 */
export function editableData(schema: Json, data: Json): Json {
  const out: Json = { ...data };
  const walk = (components: unknown) => {
    if (!Array.isArray(components)) return;
    for (const c of components) {
      if (!isObject(c)) continue;
      walk(c.components);
      if (c.readonly === true && typeof c.key === 'string') delete out[c.key];
    }
  };
  walk(schema.components);
  return out;
}
