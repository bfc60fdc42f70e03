import type { Flow, Step } from './flow.ts';

/** Flows the builder's tests compile: one per step kind, and one with every kind at once. */

const approval: Step = {
  kind: 'approval',
  id: 's1',
  name: 'Setujui pengembalian dana',
  candidateGroup: 'supervisor',
  formId: 'case-handling-resolve',
  dueInHours: 24,
};
const notify: Step = {
  kind: 'notify',
  id: 's4',
  name: 'Beri tahu nasabah',
  templateKey: 'case.resolved',
  channel: 'email',
  purpose: 'service',
};
const wait: Step = { kind: 'wait', id: 's9', name: 'Tunggu 2 hari', amount: 2, unit: 'days' };

export function flowOf(id: string, ...steps: Step[]): Flow {
  return { id: `cases-${id}`, name: `Alur uji ${id}`, steps };
}

export const ONE_KIND: Record<string, Flow> = {
  approval: flowOf('approval', approval),
  'approval without form or due date': flowOf('approval-plain', {
    kind: 'approval',
    id: 's1',
    name: 'Persetujuan "cepat" & <ringkas>',
    candidateGroup: 'MDN-KC',
  }),
  notify: flowOf('notify', notify),
  wait: flowOf('wait', { kind: 'wait', id: 's1', name: 'Tunggu 4 jam', amount: 4, unit: 'hours' }),
  condition: flowOf('condition', {
    kind: 'condition',
    id: 's1',
    name: 'Jumlah di atas 10 juta?',
    condition: 'amount > 10000000',
    yes: [notify],
    no: [],
  }),
  escalate: flowOf('escalate', approval, {
    kind: 'escalate',
    id: 's2',
    name: 'Setelah 4 jam',
    afterHours: 4,
    action: { kind: 'approval', id: 's3', name: 'Tindak lanjut eskalasi', candidateGroup: 'admin' },
  }),
};

/** Every kind, a condition with an escalation inside a branch, the empty "yes" of a nested one. */
export const ALL_KINDS: Flow = flowOf(
  'all-kinds',
  approval,
  {
    kind: 'escalate',
    id: 's2',
    name: 'Setelah 4 jam',
    afterHours: 4,
    action: {
      kind: 'notify',
      id: 's3',
      name: 'Kabari nasabah soal keterlambatan',
      templateKey: 'case.resolved',
      channel: 'sms',
      purpose: 'service',
    },
  },
  notify,
  {
    kind: 'condition',
    id: 's5',
    name: 'Jumlah di atas 10 juta?',
    condition: 'amount > 10000000',
    yes: [
      {
        kind: 'approval',
        id: 's6',
        name: 'Persetujuan kepala cabang',
        candidateGroup: 'MDN-KC',
        dueInHours: 8,
      },
      {
        kind: 'escalate',
        id: 's7',
        name: 'Setelah 8 jam',
        afterHours: 8,
        action: { kind: 'approval', id: 's8', name: 'Keputusan kantor pusat', candidateGroup: 'admin' },
      },
    ],
    no: [
      wait,
      {
        kind: 'condition',
        id: 's10',
        name: 'Nasabah prioritas?',
        condition: 'segment = "priority"',
        yes: [],
        no: [{ ...notify, id: 's11', name: 'Kirim info promo', purpose: 'marketing' }],
      },
    ],
  },
  { kind: 'wait', id: 's12', name: 'Tunggu 1 jam', amount: 1, unit: 'hours' },
);

/** What the run test deploys: approval by `supervisor` → notify → wait 1 day → condition. */
export const RUNNABLE: Flow = {
  id: 'cases-builder-run',
  name: 'Alur pembuat diuji jalan',
  steps: [
    { kind: 'approval', id: 's1', name: 'Setujui permintaan', candidateGroup: 'supervisor', dueInHours: 24 },
    {
      kind: 'escalate',
      id: 's2',
      name: 'Setelah 4 jam',
      afterHours: 4,
      action: {
        kind: 'approval',
        id: 's3',
        name: 'Tindak lanjut keterlambatan',
        candidateGroup: 'backoffice',
      },
    },
    {
      kind: 'notify',
      id: 's4',
      name: 'Beri tahu nasabah',
      templateKey: 'case.resolved',
      channel: 'email',
      purpose: 'service',
    },
    { kind: 'wait', id: 's5', name: 'Tunggu 1 hari', amount: 1, unit: 'days' },
    {
      kind: 'condition',
      id: 's6',
      name: 'Jumlah di atas 10 juta?',
      condition: 'amount > 10000000',
      yes: [{ kind: 'approval', id: 's7', name: 'Persetujuan kepala cabang', candidateGroup: 'supervisor' }],
      no: [],
    },
  ],
};
