/** What a task is about, from its variables: the references a person recognises at a glance. */
export type ContextKind = 'case' | 'customer' | 'campaign' | 'application';

/** Variable names per kind, first match wins; the shipped processes use the first of each. */
const SOURCES: [ContextKind, string[]][] = [
  ['case', ['caseNumber', 'caseRef']],
  ['application', ['applicationReference']],
  ['campaign', ['campaignName', 'campaignCode']],
  ['customer', ['customerName', 'applicantName', 'fullName']],
];

export interface ContextItem {
  kind: ContextKind;
  value: string;
}

export function businessContext(variables: Record<string, unknown>): ContextItem[] {
  const out: ContextItem[] = [];
  for (const [kind, names] of SOURCES) {
    const name = names.find(
      (n) => typeof variables[n] === 'string' && (variables[n] as string).trim() !== '',
    );
    if (name) out.push({ kind, value: (variables[name] as string).trim() });
  }
  return out;
}

/** Known process variables shown as labelled facts on the task page (codes, never personal data). */
export const FACT_VARIABLES = [
  'category',
  'severity',
  'channel',
  'queue',
  'branchCode',
  'riskLevel',
] as const;
