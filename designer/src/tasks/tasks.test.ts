import { describe, expect, it } from 'vitest';
import { tasks } from '../i18n/tasks.ts';
import { businessContext } from './business-context.ts';
import {
  displayData,
  editableData,
  fieldMessage,
  fieldsByKey,
  localizeSchema,
  variableOfField,
} from './form-i18n.ts';
import { taskHref } from './links.ts';
import { NewTasks } from './new-tasks.ts';
import { endOfJakartaDay, priorityLevel, slaState } from './sla.ts';
import { listQuery, NO_FILTERS } from './task-query.ts';

const HOUR = 3_600_000;
// Tuesday 24 November 2026, 10:00 WIB.
const NOW = Date.parse('2026-11-24T03:00:00Z');
const iso = (at: number) => new Date(at).toISOString();

describe('SLA state of a due date', () => {
  it('given no due date, there is no SLA state', () => {
    expect(slaState(null, NOW)).toBe('none');
  });
  it('past due is overdue, even by a second', () => {
    expect(slaState(iso(NOW - 1_000), NOW)).toBe('overdue');
  });
  it('due within two hours, or later the same Jakarta day, is soon', () => {
    expect(slaState(iso(NOW + HOUR), NOW)).toBe('soon');
    expect(slaState('2026-11-24T16:30:00Z', NOW)).toBe('soon'); // 23:30 WIB today
  });
  it('due tomorrow in Jakarta is on schedule, though still today in UTC', () => {
    expect(slaState('2026-11-24T17:30:00Z', NOW)).toBe('ok'); // 00:30 WIB on the 25th
  });
  it('the two hours reach across midnight', () => {
    const late = Date.parse('2026-11-24T16:00:00Z'); // 23:00 WIB
    expect(slaState(iso(late + 90 * 60_000), late)).toBe('soon');
  });
  it('the Jakarta day ends at 17:00 UTC', () => {
    expect(endOfJakartaDay(NOW)).toBe('2026-11-24T17:00:00.000Z');
  });
  it('priority words: 75 and above high, 50 to 74 medium, under 50 low', () => {
    expect([priorityLevel(75), priorityLevel(50), priorityLevel(49)]).toEqual(['high', 'medium', 'low']);
  });
});

describe('list query', () => {
  const params = (query: string) => Object.fromEntries(new URLSearchParams(query));
  it('given no filters, asks for the earliest due first, one page', () => {
    expect(params(listQuery(NO_FILTERS, NOW, 25, 25))).toEqual({
      sort: 'dueDate,-priority',
      limit: '25',
      offset: '25',
    });
  });
  it('overdue is due before now; today is due from now to the end of the Jakarta day', () => {
    expect(params(listQuery({ ...NO_FILTERS, due: 'overdue' }, NOW, 0, 25)).dueBefore).toBe(iso(NOW));
    const today = params(listQuery({ ...NO_FILTERS, due: 'today' }, NOW, 0, 25));
    expect([today.dueAfter, today.dueBefore]).toEqual([iso(NOW - 1), '2026-11-24T17:00:00.000Z']);
    const later = params(listQuery({ ...NO_FILTERS, due: 'later' }, NOW, 0, 25));
    expect([later.dueAfter, later.dueBefore]).toEqual(['2026-11-24T16:59:59.999Z', undefined]);
  });
  it('search text is trimmed; process and sort pass through', () => {
    const query = params(
      listQuery(
        { search: '  KLH-2026 ', processId: 'cases-case-handling', due: '', sort: '-createdAt' },
        NOW,
        0,
        10,
      ),
    );
    expect(query).toMatchObject({ search: 'KLH-2026', processId: 'cases-case-handling', sort: '-createdAt' });
  });
});

describe('business context', () => {
  it('names the case, application, campaign and customer the variables give, in that order', () => {
    expect(
      businessContext({
        customerName: 'Rahmat',
        caseNumber: 'KLH-2026-000001',
        campaignName: ' Tabungan Emas ',
      }),
    ).toEqual([
      { kind: 'case', value: 'KLH-2026-000001' },
      { kind: 'campaign', value: 'Tabungan Emas' },
      { kind: 'customer', value: 'Rahmat' },
    ]);
  });
  it('ignores empty and non-text values', () => {
    expect(businessContext({ caseNumber: '', campaignName: 12, applicantName: null })).toEqual([]);
  });
});

describe('form translation', () => {
  const schema = {
    components: [
      { type: 'text', id: 'intro', text: '## Tinjau', properties: { text_en: '## Review' } },
      {
        type: 'radio',
        id: 'Field_decision',
        key: 'decision',
        label: 'Keputusan',
        values: [
          { label: 'Setujui', value: 'approve' },
          { label: 'Tolak', value: 'refuse' },
        ],
        properties: { label_en: 'Decision', values_en: 'Approve; Refuse' },
      },
      {
        type: 'group',
        id: 'group',
        components: [
          { type: 'textfield', id: 'Field_reason', key: 'reason', label: 'Alasan', properties: {} },
        ],
      },
    ],
  };
  it('in Indonesian the schema is as written', () => {
    expect(localizeSchema(schema, 'id')).toBe(schema);
  });
  it('in English labels, texts and option labels come from the _en properties; the rest stays', () => {
    const english = localizeSchema(schema, 'en') as { components: Record<string, unknown>[] };
    expect(english.components[0]?.text).toBe('## Review');
    expect(english.components[1]).toMatchObject({
      label: 'Decision',
      values: [
        { label: 'Approve', value: 'approve' },
        { label: 'Refuse', value: 'refuse' },
      ],
    });
    const group = english.components[2] as { components: { label: string }[] };
    expect(group.components[0]?.label).toBe('Alasan');
    expect(schema.components[1]?.label).toBe('Keputusan');
  });
  it('finds keyed fields at any depth, with their ids and labels', () => {
    expect(fieldsByKey(schema).get('reason')).toEqual({ id: 'Field_reason', label: 'Alasan' });
    expect(variableOfField('body.variables.reason')).toBe('reason');
    expect(variableOfField('body.variables.hits.0.score')).toBe('hits');
  });
  it("form-js's and the server's messages in Indonesian; English ones capitalised", () => {
    expect(fieldMessage('Field is required.', 'id')).toBe('Wajib diisi.');
    expect(fieldMessage('Field must have minimum length of 5.', 'id')).toBe('Minimal 5 karakter.');
    expect(fieldMessage('is not one of the options', 'id')).toBe('Bukan salah satu pilihan yang tersedia.');
    expect(fieldMessage('"BAD_LUCK" is not one of the options', 'id')).toBe(
      'Bukan salah satu pilihan yang tersedia.',
    );
    expect(fieldMessage('must have at least 10 characters', 'id')).toBe('Minimal 10 karakter.');
    expect(fieldMessage('something new', 'id')).toBe('Something new.');
    expect(fieldMessage('is required', 'en')).toBe('Is required.');
    expect(fieldMessage('Field is required.', 'en')).toBe('Field is required.');
  });
});

describe('codes shown in words on a form', () => {
  const words = (name: string, code: string) =>
    name === 'severity' && code === 'HIGH' ? 'Tinggi' : undefined;
  it('a read-only field with a known code shows the word; editable and unknown ones stay', () => {
    const schema = {
      components: [
        { type: 'textfield', id: 'a', key: 'severity', readonly: true },
        { type: 'textfield', id: 'b', key: 'category', readonly: true },
        { type: 'textfield', id: 'c', key: 'note' },
      ],
    };
    const variables = { severity: 'HIGH', category: 'LOAN', note: 'HIGH' };
    expect(displayData(schema, variables, words)).toEqual({
      severity: 'Tinggi',
      category: 'LOAN',
      note: 'HIGH',
    });
    expect(variables.severity).toBe('HIGH');
  });
  it('a code a FEEL expression reads keeps its value, so the form behaves as modelled', () => {
    const schema = {
      components: [
        { type: 'textfield', id: 'a', key: 'severity', readonly: true },
        { type: 'textarea', id: 'b', key: 'why', conditional: { hide: '=severity != "HIGH"' } },
      ],
    };
    expect(displayData(schema, { severity: 'HIGH' }, words)).toEqual({ severity: 'HIGH' });
  });
  it('completing sends the editable fields only: the words shown never overwrite the codes', () => {
    const schema = {
      components: [
        { type: 'textfield', id: 'a', key: 'severity', readonly: true },
        {
          type: 'group',
          id: 'g',
          components: [{ type: 'textfield', id: 'b', key: 'category', readonly: true }],
        },
        { type: 'textarea', id: 'c', key: 'resolution' },
        { type: 'select', id: 'd', key: 'rootCause', readonly: '=false' },
      ],
    };
    const submitted = { severity: 'Tinggi', category: 'Pinjaman', resolution: 'Selesai', rootCause: 'FRAUD' };
    expect(editableData(schema, submitted)).toEqual({ resolution: 'Selesai', rootCause: 'FRAUD' });
  });
});

describe('new tasks', () => {
  it('what the list shows first is known; later arrivals are new until opened', () => {
    const news = new NewTasks();
    expect([...news.see(['1', '2'])]).toEqual([]);
    expect([...news.see(['1', '2', '3'])]).toEqual(['3']);
    expect([...news.see(['3', '1', '2'])]).toEqual(['3']);
    news.seen('3');
    expect([...news.see(['1', '2', '3', '4'])]).toEqual(['4']);
  });
  it('a changed list (another filter) starts known again', () => {
    const news = new NewTasks();
    news.see(['1']);
    news.reset();
    expect([...news.see(['5', '6'])]).toEqual([]);
  });
});

describe('task links and words', () => {
  it('links a task by its key', () => {
    expect(taskHref('2251799813685263')).toBe('#/tasks/2251799813685263');
  });
  it('both languages have the same keys', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(tasks.en).sort()).toEqual(keys(tasks.id).sort());
  });
});
