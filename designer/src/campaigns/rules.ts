import type { SegmentRules } from './types.ts';

/** The segment builder's fields as typed: text for numbers and lists, picked values for sets. */
export interface RulesForm {
  segments: string[];
  branchCodes: string;
  cities: string;
  ageMin: string;
  ageMax: string;
  incomeMin: string;
  incomeMax: string;
  hasProducts: string[];
  lacksProducts: string[];
  consents: string[];
}

export const EMPTY_FORM: RulesForm = {
  segments: [],
  branchCodes: '',
  cities: '',
  ageMin: '',
  ageMax: '',
  incomeMin: '',
  incomeMax: '',
  hasProducts: [],
  lacksProducts: [],
  consents: [],
};

/** A field the server would refuse, named as the form names it, with an i18n message key. */
export interface FormProblem {
  field: keyof RulesForm;
  message: 'wholeNumber' | 'ageRange' | 'belowMin';
}

const words = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((w) => w.trim())
    .filter(Boolean);

/** `Rp 5.000.000`, `5000000`, `5.000.000` → 5000000; undefined when empty, NaN when not a number. */
export function wholeNumber(text: string): number | undefined {
  const digits = text.replace(/^\s*(rp\.?)?/i, '').replace(/[\s.]/g, '');
  if (!digits) return undefined;
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

/** The rules the form stands for, or the problems that keep it from standing for any. */
export function rulesOf(form: RulesForm): { rules: SegmentRules; problems: FormProblem[] } {
  const rules: SegmentRules = {};
  const problems: FormProblem[] = [];
  const list = (values: string[]) => (values.length ? [...values] : undefined);
  const set = <K extends keyof SegmentRules>(key: K, value: SegmentRules[K] | undefined) => {
    if (value !== undefined) rules[key] = value;
  };
  set('segments', list(form.segments));
  set('branchCodes', list(words(form.branchCodes).map((w) => w.toUpperCase())));
  set('cities', list(words(form.cities)));
  for (const key of ['ageMin', 'ageMax', 'incomeMin', 'incomeMax'] as const) {
    const value = wholeNumber(form[key]);
    if (value === undefined) continue;
    if (Number.isNaN(value)) problems.push({ field: key, message: 'wholeNumber' });
    else if (key.startsWith('age') && (value < 17 || value > 120))
      problems.push({ field: key, message: 'ageRange' });
    else rules[key] = value;
  }
  if (rules.ageMin !== undefined && rules.ageMax !== undefined && rules.ageMin > rules.ageMax)
    problems.push({ field: 'ageMax', message: 'belowMin' });
  if (rules.incomeMin !== undefined && rules.incomeMax !== undefined && rules.incomeMin > rules.incomeMax)
    problems.push({ field: 'incomeMax', message: 'belowMin' });
  set('hasProducts', list(form.hasProducts));
  set('lacksProducts', list(form.lacksProducts));
  set(
    'consents',
    list(form.consents)?.map((channel) => ({ channel, purpose: 'marketing' as const })),
  );
  return { rules, problems };
}

/** One condition of a segment to show a person: what it is about and its values. */
export interface Condition {
  kind:
    | 'segments'
    | 'branchCodes'
    | 'cities'
    | 'age'
    | 'income'
    | 'hasProducts'
    | 'lacksProducts'
    | 'consents';
  values: string[];
  min?: number;
  max?: number;
}

/** The rules as a list of conditions, in the builder's order; none means every customer. */
export function conditionsOf(rules: SegmentRules): Condition[] {
  const out: Condition[] = [];
  const list = (kind: Condition['kind'], values: string[] | undefined) => {
    if (values?.length) out.push({ kind, values });
  };
  list('segments', rules.segments);
  list('branchCodes', rules.branchCodes);
  list('cities', rules.cities);
  if (rules.ageMin !== undefined || rules.ageMax !== undefined)
    out.push({ kind: 'age', values: [], min: rules.ageMin, max: rules.ageMax });
  if (rules.incomeMin !== undefined || rules.incomeMax !== undefined)
    out.push({ kind: 'income', values: [], min: rules.incomeMin, max: rules.incomeMax });
  list('hasProducts', rules.hasProducts);
  list('lacksProducts', rules.lacksProducts);
  list(
    'consents',
    rules.consents?.map((c) => c.channel),
  );
  return out;
}
