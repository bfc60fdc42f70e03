import { personalFieldKind, seesClear } from '../audit/personal-data.ts';
import { TasksError } from './errors.ts';
import type { ListSql } from './model.ts';
import type { AllTasksQuery } from './schema.ts';
import type { Worker } from './service.ts';

/**
 * mine: held by me. groups: for my groups (roles, branch) or naming me as a candidate user,
 * held or not. unassigned: held by nobody, for me or for anyone (no candidates). all: every
 * open task (supervisors).
 */
export type ListView = 'mine' | 'groups' | 'unassigned' | 'all';

const CANDIDATE = `EXISTS (SELECT 1 FROM task_candidates c WHERE c.task_key = t.job_key
  AND ((c.kind = 'group' AND c.name IN (:groups)) OR (c.kind = 'user' AND c.name = :user)))`;
const NO_CANDIDATES = 'NOT EXISTS (SELECT 1 FROM task_candidates c WHERE c.task_key = t.job_key)';

const SORT_COLUMNS: Record<string, { column: string; nullable: boolean }> = {
  dueDate: { column: 't.due_at', nullable: true },
  followUpDate: { column: 't.follow_up_at', nullable: true },
  priority: { column: 't.priority', nullable: false },
  createdAt: { column: 't.created_at', nullable: false },
};

export function listSql(view: ListView, query: AllTasksQuery, worker: Worker): ListSql {
  // Four eyes: a task never shows to the user it is kept from, whatever the list.
  const where = ["t.state = 'CREATED'", '(t.four_eyes_user IS NULL OR t.four_eyes_user <> :user)'];
  const params: Record<string, unknown> = { user: worker.username, groups: worker.groups };
  if (view === 'mine') where.push('t.assignee = :user');
  if (view === 'groups') where.push(CANDIDATE);
  if (view === 'unassigned') where.push('t.assignee IS NULL', `(${CANDIDATE} OR ${NO_CANDIDATES})`);
  if (query.assignee !== undefined) {
    where.push('t.assignee = :assignee');
    params.assignee = query.assignee;
  }
  if (query.unassigned !== undefined)
    where.push(query.unassigned === 'true' ? 't.assignee IS NULL' : 't.assignee IS NOT NULL');
  if (query.processId !== undefined) {
    where.push('t.bpmn_process_id = :processId');
    params.processId = query.processId;
  }
  if (query.search !== undefined) {
    // Indexed variable values hold no personal fields, so a search cannot probe a masked value.
    where.push(`(LOWER(t.name) LIKE :search ESCAPE '!' OR LOWER(t.process_name) LIKE :search ESCAPE '!'
      OR EXISTS (SELECT 1 FROM task_variable_values s WHERE s.task_key = t.job_key AND LOWER(s.value) LIKE :search ESCAPE '!'))`);
    params.search = `%${query.search.toLowerCase().replace(/[!%_]/g, '!$&')}%`;
  }
  if (query.candidateGroup !== undefined) {
    where.push(
      `EXISTS (SELECT 1 FROM task_candidates g WHERE g.task_key = t.job_key AND g.kind = 'group' AND g.name = :candidateGroup)`,
    );
    params.candidateGroup = query.candidateGroup;
  }
  const range = (name: keyof AllTasksQuery, column: string, op: '<' | '>') => {
    const value = query[name];
    if (typeof value !== 'string') return;
    where.push(`${column} IS NOT NULL AND ${column} ${op} :${name}`);
    params[name] = Date.parse(value);
  };
  range('dueBefore', 't.due_at', '<');
  range('dueAfter', 't.due_at', '>');
  range('followUpBefore', 't.follow_up_at', '<');
  range('followUpAfter', 't.follow_up_at', '>');
  variableFilters(query.variables, worker).forEach(([name, value], i) => {
    where.push(
      `EXISTS (SELECT 1 FROM task_variable_values v${i} WHERE v${i}.task_key = t.job_key AND v${i}.name = :vn${i} AND v${i}.value = :vv${i})`,
    );
    params[`vn${i}`] = name;
    params[`vv${i}`] = value;
  });
  return { where, params, orderBy: orderBy(query.sort), limit: query.limit, offset: query.offset };
}

/** `category:payment,severity:HIGH` → [[category, payment], [severity, HIGH]] (the schema checked the form). */
function variableFilters(text: string | undefined, worker: Worker): [string, string][] {
  if (text === undefined || text === '') return [];
  return text.split(',').map((pair) => {
    const at = pair.indexOf(':');
    const name = pair.slice(0, at);
    const kind = personalFieldKind(name);
    // Not indexed anyway; refused so that nobody mistakes "no match" for "not this value".
    if (kind && !seesClear(worker.roles, kind))
      throw new TasksError('PERSONAL_DATA_QUERY', `Tasks cannot be filtered by the personal field '${name}'`);
    if (kind)
      throw new TasksError('INVALID_VARIABLES', `Tasks cannot be filtered by the personal field '${name}'`, [
        { field: 'query.variables', message: `'${name}' is a personal field: not filterable` },
      ]);
    return [name, pair.slice(at + 1)];
  });
}

function orderBy(sort: string): string[] {
  const out: string[] = [];
  for (const part of sort.split(',')) {
    const desc = part.startsWith('-');
    const spec = SORT_COLUMNS[desc ? part.slice(1) : part];
    if (!spec) continue;
    // Tasks without the date come last, whichever the direction.
    if (spec.nullable) out.push(`(${spec.column} IS NULL)`);
    out.push(`${spec.column} ${desc ? 'DESC' : 'ASC'}`);
  }
  out.push('t.created_at ASC', 't.job_key ASC');
  return out;
}
