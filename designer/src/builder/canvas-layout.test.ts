import { describe, expect, it } from 'vitest';
import { layoutCanvas } from './canvas-layout.ts';
import { allSteps } from './flow.ts';
import { ALL_KINDS, ONE_KIND } from './test-flows.ts';

describe('the builder canvas, given every kind of step', () => {
  const { nodes, edges } = layoutCanvas(ALL_KINDS.steps);

  it('draws a card per step, start, end and a join per condition, none overlapping', () => {
    const steps = allSteps(ALL_KINDS.steps).filter(
      (step) => !allSteps(ALL_KINDS.steps).some((s) => s.kind === 'escalate' && s.action === step),
    );
    expect(
      nodes
        .filter((n) => n.type === 'step')
        .map((n) => n.id)
        .sort(),
    ).toEqual(steps.map((s) => s.id).sort());
    expect(nodes.filter((n) => n.type !== 'step').map((n) => n.id)).toEqual([
      'start',
      's10-join',
      's5-join',
      'end',
    ]);
    for (const [i, a] of nodes.entries())
      for (const b of nodes.slice(i + 1))
        expect(
          a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
          `${a.id} and ${b.id}`,
        ).toBe(false);
  });

  it('connects every node, each connection saying where a step added on it goes', () => {
    const ids = new Set(nodes.map((n) => n.id));
    for (const edge of edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    const place = (source: string, target: string) =>
      edges.find((e) => e.source === source && e.target === target)?.place;
    expect(place('start', 's1')).toEqual({ first: 'main' });
    expect(place('s1', 's2')).toEqual({ after: 's1' });
    expect(place('s10', 's10-join')).toEqual({ first: 'yes', condition: 's10' });
    expect(place('s5-join', 's12')).toEqual({ after: 's5' });
    expect(edges.filter((e) => e.branch).map((e) => `${e.source}:${e.branch}`)).toEqual([
      's5:yes',
      's5:no',
      's10:yes',
      's10:no',
    ]);
  });

  it('starts and ends with nothing in between for an empty flow', () => {
    const empty = layoutCanvas([]);
    expect(empty.edges).toEqual([
      { id: 'e-start-end', source: 'start', target: 'end', place: { first: 'main' } },
    ]);
    expect(layoutCanvas(ONE_KIND.wait?.steps ?? []).nodes).toHaveLength(3);
  });
});
