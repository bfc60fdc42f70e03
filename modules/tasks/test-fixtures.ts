// Shared by the task suites (*.storage.test.ts): models, a form and list helpers.
import { expect, vi } from 'vitest';
import { bpmn } from '../../tests/fixtures/bpmn/build.ts';
import type { TestPlatform } from '../../tests/harness/create-platform.ts';
import type { HttpClient } from '../../tests/harness/http-client.ts';

export interface TaskDto {
  key: string;
  state: string;
  name: string;
  elementId: string;
  processInstanceKey: string;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: string | null;
  followUpDate: string | null;
  priority: number;
  formKey: string | null;
  formId: string | null;
  variables: Record<string, unknown>;
  completedBy: string | null;
}
export interface Page {
  items: TaskDto[];
  page: { total: number; limit: number; offset: number };
}
export interface Problem {
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** The complaint review form (form-js), as Camunda Modeler saves it. */
export const REVIEW_FORM = {
  executionPlatform: 'Camunda Cloud',
  executionPlatformVersion: '8.8.0',
  schemaVersion: 18,
  id: 'tinjau-keluhan',
  type: 'default',
  components: [
    { type: 'text', id: 'Field_intro', text: '## Tinjauan keluhan nasabah' },
    { type: 'textfield', id: 'Field_case', key: 'caseNumber', label: 'Nomor kasus', readonly: true },
    {
      type: 'select',
      id: 'Field_resolution',
      key: 'resolution',
      label: 'Penyelesaian',
      validate: { required: true },
      values: [
        { label: 'Refund', value: 'refund' },
        { label: 'Penjelasan kepada nasabah', value: 'explain' },
      ],
    },
    {
      type: 'number',
      id: 'Field_refund',
      key: 'refundAmount',
      label: 'Jumlah refund (Rp)',
      validate: { min: 0, max: 50_000_000 },
      conditional: { hide: '=resolution != "refund"' },
    },
    {
      type: 'textfield',
      id: 'Field_phone',
      key: 'callbackPhone',
      label: 'Nomor telepon untuk dihubungi',
      validate: { pattern: '^08\\d{8,11}$' },
    },
    {
      type: 'textarea',
      id: 'Field_notes',
      key: 'notes',
      label: 'Catatan',
      validate: { minLength: 5, maxLength: 200 },
    },
    { type: 'checkbox', id: 'Field_callback', key: 'callCustomer', label: 'Hubungi nasabah' },
  ],
};

export interface TaskOptions {
  name?: string;
  candidateGroups?: string;
  candidateUsers?: string;
  assignee?: string;
  dueDate?: string;
  followUpDate?: string;
  form?: string;
  headers?: Record<string, string>;
  /** An interrupting timer on the task (an ISO duration): the escalation. */
  escalateAfter?: string;
}

/** start → a job-based user task → end (with an escalation path when the task has a timer). */
export function userTaskProcess(processId: string, o: TaskOptions = {}): string {
  const assignment = [
    o.assignee && `assignee="${o.assignee}"`,
    o.candidateGroups && `candidateGroups="${o.candidateGroups}"`,
    o.candidateUsers && `candidateUsers="${o.candidateUsers}"`,
  ].filter(Boolean);
  const schedule = [
    o.dueDate && `dueDate="${o.dueDate}"`,
    o.followUpDate && `followUpDate="${o.followUpDate}"`,
  ].filter(Boolean);
  const headers = Object.entries(o.headers ?? {})
    .map(([key, value]) => `<zeebe:header key="${key}" value="${value}" />`)
    .join('');
  const extensions = [
    assignment.length > 0 ? `<zeebe:assignmentDefinition ${assignment.join(' ')} />` : '',
    schedule.length > 0 ? `<zeebe:taskSchedule ${schedule.join(' ')} />` : '',
    o.form
      ? o.form.includes(':')
        ? `<zeebe:formDefinition formKey="${o.form}" />`
        : `<zeebe:formDefinition formId="${o.form}" />`
      : '',
    headers ? `<zeebe:taskHeaders>${headers}</zeebe:taskHeaders>` : '',
  ].join('');
  const timer = o.escalateAfter
    ? `<bpmn:boundaryEvent id="escalate" attachedToRef="review"><bpmn:outgoing>e</bpmn:outgoing>
         <bpmn:timerEventDefinition><bpmn:timeDuration>${o.escalateAfter}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
       <bpmn:endEvent id="escalated"><bpmn:incoming>e</bpmn:incoming></bpmn:endEvent>
       <bpmn:sequenceFlow id="e" sourceRef="escalate" targetRef="escalated" />`
    : '';
  return bpmn(
    processId,
    `<bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
     <bpmn:userTask id="review"${o.name ? ` name="${o.name}"` : ''}>
       <bpmn:extensionElements>${extensions}</bpmn:extensionElements>
       <bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>f1</bpmn:outgoing></bpmn:userTask>
     <bpmn:endEvent id="end"><bpmn:incoming>f1</bpmn:incoming></bpmn:endEvent>
     <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="review" />
     <bpmn:sequenceFlow id="f1" sourceRef="review" targetRef="end" />
     ${timer}`,
  );
}

export async function deploy(p: TestPlatform, processes: Record<string, string>, forms: object[] = []) {
  await p.zeebe.deployResources([
    ...forms.map((form) => ({
      name: `${(form as { id: string }).id}.form`,
      form: Buffer.from(JSON.stringify(form)),
    })),
    ...Object.entries(processes).map(([id, xml]) => ({ name: `${id}.bpmn`, process: Buffer.from(xml) })),
  ]);
}

export async function start(p: TestPlatform, processId: string, variables: Record<string, unknown> = {}) {
  const { processInstanceKey } = await p.zeebe.createProcessInstance({
    bpmnProcessId: processId,
    variables: variables as never,
  });
  return processInstanceKey;
}

/** A list page, as this client sees it. */
export async function list(client: HttpClient, view: string, query = ''): Promise<Page> {
  const answer = await client.get<Page>(`/api/tasks${view ? `/${view}` : ''}${query ? `?${query}` : ''}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** The task of a process instance, once the task list has activated it. */
export async function taskOf(p: TestPlatform, processInstanceKey: string): Promise<TaskDto> {
  return vi.waitFor(
    async () => {
      const { items } = await list(p.as('supervisor1'), '', `limit=200&sort=createdAt`).catch(() => ({
        items: [],
      }));
      const task = items.find((t) => t.processInstanceKey === processInstanceKey);
      if (!task) throw new Error(`no task yet for instance ${processInstanceKey}`);
      return task;
    },
    { timeout: 15_000, interval: 100 },
  );
}

/** Waits until the instance's task has left every list (the process cancelled it). */
export async function goneFromLists(p: TestPlatform, processInstanceKey: string, users: string[]) {
  await vi.waitFor(
    async () => {
      for (const user of users)
        for (const view of ['mine', 'groups', 'unassigned']) {
          const { items } = await list(p.as(user), view, 'limit=200');
          if (items.some((t) => t.processInstanceKey === processInstanceKey))
            throw new Error(`${user} still sees the task in ${view}`);
        }
    },
    { timeout: 15_000, interval: 200 },
  );
}
