/**
 * What Zeebe puts on a job-based user task (ZEEBE-SEMANTICS §2): reserved headers, set only
 * when non-empty — the form key, the assignee, candidate groups and users as JSON array text,
 * due and follow-up dates as Java-printed zoned date-times. There is no priority header: the
 * priority comes from a task header `priority` or a process variable `priority` (DESIGN seam 2).
 */
const RESERVED = 'io.camunda.zeebe:';

export interface UserTaskHeaders {
  formKey: string | null;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueAt: number | null;
  followUpAt: number | null;
  priority: number;
  /** The modeller's own headers (zeebe:taskHeaders), without the reserved ones. */
  custom: Record<string, string>;
}

/** Camunda's default user task priority, on its 0–100 scale. */
export const DEFAULT_PRIORITY = 50;

/** Words a process may use for its `priority` variable, on Camunda's 0–100 scale. */
const PRIORITY_WORDS: Record<string, number> = {
  LOW: 25,
  RENDAH: 25,
  MEDIUM: 50,
  NORMAL: 50,
  SEDANG: 50,
  HIGH: 75,
  TINGGI: 75,
  URGENT: 100,
  CRITICAL: 100,
  KRITIS: 100,
};

export function readUserTaskHeaders(
  headers: Record<string, string>,
  variables: Record<string, unknown>,
): UserTaskHeaders {
  const custom = Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith(RESERVED)));
  const reserved = (name: string) => {
    const value = headers[`${RESERVED}${name}`];
    return value === undefined || value.trim() === '' ? null : value;
  };
  return {
    formKey: reserved('formKey'),
    assignee: reserved('assignee'),
    candidateGroups: candidates(reserved('candidateGroups')),
    candidateUsers: candidates(reserved('candidateUsers')),
    dueAt: zonedDateTime(reserved('dueDate')),
    followUpAt: zonedDateTime(reserved('followUpDate')),
    // The modeller's header is about this one task; the variable about the whole instance.
    priority: priorityOf(custom.priority) ?? priorityOf(variables.priority) ?? DEFAULT_PRIORITY,
    custom,
  };
}

/** JSON array text (`["a","b"]`), or a comma list from an engine that sends one. */
function candidates(text: string | null): string[] {
  if (text === null) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return unique(parsed.filter((v): v is string => typeof v === 'string'));
  } catch {
    // not JSON: a comma-separated list
  }
  return unique(text.split(','));
}

const unique = (names: string[]) => [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))];

/**
 * `2027-03-01T12:00Z`, `…T12:00:30.5+07:00`, `…+07:00[Asia/Jakarta]`: the offset fixes the
 * instant, the region in brackets only names it.
 */
export function zonedDateTime(text: string | null): number | null {
  if (text === null) return null;
  const match =
    /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})(?:\[[^\]]+\])?$/.exec(
      text.trim(),
    );
  if (!match) return null;
  const [, time, fraction = '', zone] = match;
  const at = Date.parse(`${time}${fraction ? `.${fraction.slice(0, 3).padEnd(3, '0')}` : ''}${zone}`);
  return Number.isNaN(at) ? null : at;
}

function priorityOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return clamp(value);
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return clamp(Number(text));
  return PRIORITY_WORDS[text.toUpperCase()];
}

const clamp = (n: number) => Math.min(100, Math.max(0, Math.round(n)));
