import { readFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { checkExpression } from '../../../engine/feel/index.ts';
import { lintBpmn } from '../../../engine/index.ts';
import { compileBpmn } from '../../../engine/model/compile.ts';
import { compile, NOTIFY_TEMPLATE } from './compile.ts';
import { decompile, storedFlow } from './decompile.ts';
import { deleteStep, type Flow, insertStep, keepDefaultName, newStep, type Step } from './flow.ts';
import { ALL_KINDS, ONE_KIND } from './test-flows.ts';
import { validateFlow } from './validate.ts';

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every shape of the diagram with its bounds, read back from the XML. */
function shapes(xml: string): Box[] {
  return [
    ...xml.matchAll(
      /<bpmndi:BPMNShape id="[^"]+" bpmnElement="([^"]+)"[^>]*>\s*<dc:Bounds x="(-?\d+)" y="(-?\d+)" width="(\d+)" height="(\d+)"/g,
    ),
  ].map(([, id, x, y, width, height]) => ({
    id: id as string,
    x: Number(x),
    y: Number(y),
    width: Number(width),
    height: Number(height),
  }));
}

function edges(xml: string): { id: string; points: { x: number; y: number }[] }[] {
  return [
    ...xml.matchAll(/<bpmndi:BPMNEdge id="[^"]+" bpmnElement="([^"]+)">([\s\S]*?)<\/bpmndi:BPMNEdge>/g),
  ].map(([, id, body]) => ({
    id: id as string,
    points: [...(body ?? '').matchAll(/<di:waypoint x="(-?\d+)" y="(-?\d+)"/g)].map(([, x, y]) => ({
      x: Number(x),
      y: Number(y),
    })),
  }));
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const onBorder = (p: { x: number; y: number }, b: Box) =>
  ((p.x === b.x || p.x === b.x + b.width) && p.y >= b.y && p.y <= b.y + b.height) ||
  ((p.y === b.y || p.y === b.y + b.height) && p.x >= b.x && p.x <= b.x + b.width);

const CASES: [string, Flow][] = [...Object.entries(ONE_KIND), ['every kind at once', ALL_KINDS]];

describe.each(CASES)('compile, given a flow with %s', (_title, flow) => {
  const xml = compile(flow);

  it('is a valid flow to begin with', () => {
    expect(validateFlow(flow, { forms: ['case-handling-resolve'] })).toEqual([]);
  });

  it("deploys: the engine's own compiler accepts it with no problem", async () => {
    const result = await compileBpmn(`${flow.id}.bpmn`, xml, checkExpression);
    expect(result.problems).toEqual([]);
    expect(result.processes).toHaveLength(1);
    expect(result.processes[0]).toMatchObject({ bpmnProcessId: flow.id, name: flow.name });
  });

  it('lints with no errors (bpmnlint recommended and Camunda 8.8)', async () => {
    const problems = await lintBpmn(xml);
    expect(problems.filter((p) => p.category === 'error')).toEqual([]);
  });

  it('lays every shape out without overlaps (a boundary event only on its own task)', () => {
    const boxes = shapes(xml);
    const elements = [...xml.matchAll(/<bpmn:(?!sequenceFlow)\w+ id="([^"]+)"/g)].map(([, id]) => id);
    const flowNodes = elements.filter((id) => id !== flow.id && !id?.startsWith('TimerEventDefinition_'));
    expect(boxes.map((b) => b.id).sort()).toEqual([...flowNodes].sort());
    const hostOf = new Map(
      [...xml.matchAll(/<bpmn:boundaryEvent id="([^"]+)"[^>]*attachedToRef="([^"]+)"/g)].map(
        ([, id, host]) => [id, host],
      ),
    );
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const attached = hostOf.get(a.id) === b.id || hostOf.get(b.id) === a.id;
        expect(overlap(a, b), `${a.id} and ${b.id}`).toBe(attached);
      }
    for (const box of boxes) expect(box.x).toBeGreaterThanOrEqual(0);
  });

  it('draws every sequence flow from the border of its source to the border of its target', () => {
    const boxes = new Map(shapes(xml).map((b) => [b.id, b]));
    const flows = [
      ...xml.matchAll(/<bpmn:sequenceFlow id="([^"]+)"[^>]*sourceRef="([^"]+)" targetRef="([^"]+)"/g),
    ];
    const drawn = new Map(edges(xml).map((e) => [e.id, e.points]));
    expect([...drawn.keys()].sort()).toEqual(flows.map(([, id]) => id).sort());
    for (const [, id, source, target] of flows) {
      const points = drawn.get(id as string) ?? [];
      expect(points.length).toBeGreaterThanOrEqual(2);
      expect(onBorder(points[0] as Box, boxes.get(source as string) as Box), `${id} leaves ${source}`).toBe(
        true,
      );
      expect(
        onBorder(points.at(-1) as Box, boxes.get(target as string) as Box),
        `${id} enters ${target}`,
      ).toBe(true);
      // Orthogonal: each segment is horizontal or vertical.
      for (let k = 1; k < points.length; k++) {
        const [p, q] = [points[k - 1] as Box, points[k] as Box];
        expect(p.x === q.x || p.y === q.y, `${id} segment ${k}`).toBe(true);
      }
    }
  });

  it('opens again in the builder: decompile(compile(flow)) is the flow', () => {
    expect(decompile(xml)).toEqual(flow);
  });

  it('still opens after a writer with other formatting saved it (bpmn-moddle, as bpmn-js does)', async () => {
    // bpmn-moddle's typings here (engine/model/bpmn-moddle.d.ts) name only what the engine reads.
    const moddle = BpmnModdle({ zeebe: zeebeDescriptor }) as ReturnType<typeof BpmnModdle> & {
      toXML(root: unknown, options: { format: boolean }): Promise<{ xml: string }>;
    };
    const { rootElement } = await moddle.fromXML(xml);
    const { xml: saved } = await moddle.toXML(rootElement, { format: false });
    expect(saved).not.toBe(xml);
    expect(decompile(saved)).toEqual(flow);
  });
});

describe('compile, the BPMN it writes', () => {
  const xml = compile(ALL_KINDS);

  it('targets Camunda 8.8 and runs only job-based user tasks', () => {
    expect(xml).toContain('modeler:executionPlatform="Camunda Cloud"');
    expect(xml).toContain('modeler:executionPlatformVersion="8.8.0"');
    expect(xml).not.toContain('zeebe:userTask');
    expect(xml).toContain('<zeebe:assignmentDefinition candidateGroups="supervisor" />');
    expect(xml).toContain('<zeebe:formDefinition formId="case-handling-resolve" />');
    expect(xml).toContain('<zeebe:taskSchedule dueDate="=now() + duration(&quot;PT24H&quot;)" />');
  });

  it('writes timers as ISO 8601 durations and escalations as non-interrupting boundary timers', () => {
    expect(xml).toContain('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P2D</bpmn:timeDuration>');
    expect(xml).toContain('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration>');
    expect(xml).toMatch(
      /<bpmn:boundaryEvent id="Event_s2" name="Setelah 4 jam" cancelActivity="false" attachedToRef="Task_s1">/,
    );
    expect(xml).toMatch(/<bpmn:boundaryEvent id="Event_s7"[^>]*attachedToRef="Task_s6">/);
  });

  it('routes a condition: the FEEL condition on "Ya", the default flow on "Tidak"', () => {
    expect(xml).toContain(
      '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=amount &gt; 10000000</bpmn:conditionExpression>',
    );
    const gateway =
      /<bpmn:exclusiveGateway id="Gateway_s5" name="Jumlah di atas 10 juta\?" default="(Flow_\d+)">/.exec(
        xml,
      );
    expect(gateway).not.toBeNull();
    expect(xml).toContain(`<bpmn:sequenceFlow id="${gateway?.[1]}" name="Tidak" sourceRef="Gateway_s5"`);
  });

  it('applies the shipped notification template: every required input bound, its job type and version', () => {
    const template = JSON.parse(
      readFileSync(
        new URL('../../../processes/element-templates/notifications.json', import.meta.url),
        'utf8',
      ),
    ) as {
      id: string;
      version: number;
      properties: {
        type: string;
        value?: string;
        optional?: boolean;
        binding: { type: string; name?: string; property?: string };
      }[];
    };
    expect(NOTIFY_TEMPLATE).toEqual({ id: template.id, version: template.version });
    const task = /<bpmn:serviceTask id="Task_s4"[\s\S]*?<\/bpmn:serviceTask>/.exec(xml)?.[0] ?? '';
    expect(task).toContain(
      `zeebe:modelerTemplate="${template.id}" zeebe:modelerTemplateVersion="${template.version}"`,
    );
    for (const property of template.properties) {
      if (property.binding.type === 'zeebe:taskDefinition')
        expect(task).toContain(`<zeebe:taskDefinition type="${property.value}" />`);
      if (property.binding.type === 'zeebe:input' && !property.optional)
        expect(task).toContain(`target="${property.binding.name}"`);
    }
    expect(task).toContain('<zeebe:input source="email" target="channel" />');
    expect(task).toContain('<zeebe:input source="case.resolved" target="templateKey" />');
    expect(task).toContain('<zeebe:output source="=notificationId" target="notificationId" />');
  });

  it('escapes what the owner typed in names', () => {
    const xml = compile(ONE_KIND['approval without form or due date'] as Flow);
    expect(xml).toContain('name="Persetujuan &quot;cepat&quot; &amp; &lt;ringkas&gt;"');
  });
});

describe('decompile, given a model that is not the builder’s as it made it', () => {
  it('refuses a model whose process was changed in the modeler since, but still reads the stored flow', () => {
    const xml = compile(ALL_KINDS).replace('name="Beri tahu nasabah"', 'name="Kirim SMS"');
    expect(decompile(xml)).toBeUndefined();
    expect(storedFlow(xml)).toEqual(ALL_KINDS);
  });

  it('refuses a model without a stored flow, or with one of the wrong shape', () => {
    const shipped = readFileSync(
      new URL('../../../processes/cases-case-handling.bpmn', import.meta.url),
      'utf8',
    );
    expect(decompile(shipped)).toBeUndefined();
    const broken = compile(ALL_KINDS).replace(
      '&quot;kind&quot;:&quot;wait&quot;',
      '&quot;kind&quot;:&quot;sleep&quot;',
    );
    expect(storedFlow(broken)).toBeUndefined();
    expect(decompile('not xml at all')).toBeUndefined();
  });

  it('opens a flow whose JSON lists the keys in another order (as the screen builds its objects)', () => {
    const reordered: Flow = {
      steps: [{ name: 'Tunggu', id: 's1', unit: 'hours', amount: 3, kind: 'wait' }],
      name: 'Urutan lain',
      id: 'cases-key-order',
    };
    expect(decompile(compile(reordered))).toEqual(reordered);
  });

  it('ignores a different layout: the builder lays the flow out again', () => {
    const moved = compile(ALL_KINDS).replace(/<dc:Bounds x="152"/, '<dc:Bounds x="160"');
    expect(decompile(moved)).toEqual(ALL_KINDS);
  });
});

describe('the flow edits the builder screen makes', () => {
  it('inserts after a step, first in a branch, and deletes a condition with its branches', () => {
    let flow: Flow = { id: 'cases-edit', name: 'Ubah', steps: [] };
    flow = insertStep(flow, { first: 'main' }, newStep('approval', flow));
    flow = insertStep(flow, { after: 's1' }, newStep('condition', flow));
    flow = insertStep(flow, { first: 'no', condition: 's2' }, newStep('wait', flow));
    flow = insertStep(flow, { after: 's3' }, newStep('notify', flow));
    expect(flow.steps.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(flow.steps[1]).toMatchObject({ yes: [], no: [{ id: 's3' }, { id: 's4' }] });
    expect(deleteStep(flow, 's2').steps.map((s) => s.id)).toEqual(['s1']);
  });

  it('renames a wait or an escalation after its duration until the owner names it', () => {
    const wait = newStep('wait', { id: '', name: '', steps: [] });
    expect(wait.name).toBe('Tunggu 1 hari');
    const longer = keepDefaultName(wait, { ...wait, amount: 3 } as Step);
    expect(longer.name).toBe('Tunggu 3 hari');
    const named = { ...longer, name: 'Masa sanggah' };
    expect(keepDefaultName(longer, named).name).toBe('Masa sanggah');
    expect(keepDefaultName(named, { ...named, amount: 5 } as Step).name).toBe('Masa sanggah');
  });

  it('reports an escalation without an approval before it, an empty condition and bad durations, by field', () => {
    const flow: Flow = {
      id: 'Bad Id',
      name: '',
      steps: [
        { kind: 'wait', id: 's1', name: 'Tunggu', amount: 0, unit: 'hours' },
        {
          kind: 'escalate',
          id: 's2',
          name: 'Setelah',
          afterHours: 1.5,
          action: { kind: 'approval', id: 's4', name: 'Lanjut', candidateGroup: 'admin' },
        },
        { kind: 'condition', id: 's3', name: 'Cek', condition: ' ', yes: [], no: [] },
      ],
    };
    expect(validateFlow(flow)).toEqual([
      { field: 'id', code: 'processId' },
      { field: 'name', code: 'required' },
      { stepId: 's1', field: 'amount', code: 'positiveWhole' },
      { stepId: 's2', field: 'afterHours', code: 'positiveWhole' },
      { stepId: 's2', field: 'kind', code: 'escalateAfterApproval' },
      { stepId: 's3', field: 'condition', code: 'required' },
      { stepId: 's3', field: 'branches', code: 'emptyBranches' },
    ]);
  });
});
