import type { ConditionStep, Place, Step } from './flow.ts';

/**
 * Where the builder's canvas draws each step: left to right as in the BPMN it makes, a
 * condition's "yes" branch above the centre line and its "no" branch below, joined after.
 * Plain data for @xyflow/react; every edge knows where a step inserted on it would go.
 */

export const CARD = { width: 210, height: 76 };
export const TERMINAL = { width: 96, height: 36 };
export const JOIN = { width: 18, height: 18 };
/** Between two steps in a row: room for the "+" on the connection. */
const H_GAP = 72;
/** Between the yes and no branches (and around the condition card when a branch is empty). */
const V_GAP = 48;

export interface CanvasNode {
  id: string;
  type: 'step' | 'terminal' | 'join';
  x: number;
  y: number;
  width: number;
  height: number;
  step?: Step;
  terminal?: 'start' | 'end';
}

export interface CanvasEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: 'yes' | 'no';
  targetHandle?: 'yes' | 'no';
  /** A condition's branch this edge belongs to: set on the edge that leaves the condition. */
  branch?: 'yes' | 'no';
  /** Where a step added on this edge goes. */
  place: Place;
  /** The step right before the insertion point in its sequence (an escalation may follow only an approval). */
  previous?: Step;
}

/** Width, and height above and below the centre line. */
interface Extent {
  width: number;
  up: number;
  down: number;
}

const CARD_EXTENT: Extent = { width: CARD.width, up: CARD.height / 2, down: CARD.height / 2 };

function measure(steps: Step[]): Extent {
  const extents = steps.map(measureStep);
  return {
    width: extents.reduce((sum, e) => sum + e.width, 0) + H_GAP * Math.max(0, extents.length - 1),
    up: Math.max(0, ...extents.map((e) => e.up)),
    down: Math.max(0, ...extents.map((e) => e.down)),
  };
}

function measureStep(step: Step): Extent {
  if (step.kind !== 'condition') return CARD_EXTENT;
  const { yes, no, yesOffset, noOffset } = metrics(step);
  return {
    width: CARD.width + H_GAP + Math.max(yes.width, no.width, CARD.width) + H_GAP + JOIN.width,
    up: yesOffset + yes.up,
    down: noOffset + no.down,
  };
}

/** A branch's centre line sits clear of the condition card; an empty branch is an arc around it. */
function metrics(step: ConditionStep) {
  const yes = measure(step.yes);
  const no = measure(step.no);
  return {
    yes,
    no,
    yesOffset: Math.max(CARD.height / 2, yes.down) + V_GAP / 2,
    noOffset: Math.max(CARD.height / 2, no.up) + V_GAP / 2,
  };
}

interface Cursor {
  /** The node the next edge starts from, with its handle. */
  source: string;
  sourceHandle?: 'yes' | 'no';
  branch?: 'yes' | 'no';
  place: Place;
  previous?: Step;
}

class Layout {
  readonly nodes: CanvasNode[] = [];
  readonly edges: CanvasEdge[] = [];

  edge(from: Cursor, target: string, targetHandle?: 'yes' | 'no'): void {
    this.edges.push({
      id: `e-${from.source}${from.sourceHandle ? `-${from.sourceHandle}` : ''}-${target}`,
      source: from.source,
      target,
      ...(from.sourceHandle ? { sourceHandle: from.sourceHandle } : {}),
      ...(targetHandle ? { targetHandle } : {}),
      ...(from.branch ? { branch: from.branch } : {}),
      place: from.place,
      ...(from.previous ? { previous: from.previous } : {}),
    });
  }

  /** Lays `steps` out from `x` on the centre line `cy`; returns where the next edge starts. */
  sequence(steps: Step[], x: number, cy: number, from: Cursor): Cursor {
    let left = x;
    let cursor = from;
    for (const step of steps) {
      this.nodes.push({ id: step.id, type: 'step', x: left, y: cy - CARD.height / 2, ...CARD, step });
      this.edge(cursor, step.id);
      cursor = { source: step.id, place: { after: step.id }, previous: step };
      if (step.kind === 'condition') cursor = this.condition(step, left, cy);
      left += measureStep(step).width + H_GAP;
    }
    return cursor;
  }

  private condition(step: ConditionStep, x: number, cy: number): Cursor {
    const { yes, no, yesOffset, noOffset } = metrics(step);
    const branchX = x + CARD.width + H_GAP;
    const joinId = `${step.id}-join`;
    const joinX = branchX + Math.max(yes.width, no.width, CARD.width) + H_GAP;
    const sides = [
      ['yes', step.yes, cy - yesOffset],
      ['no', step.no, cy + noOffset],
    ] as const;
    for (const [branch, steps, branchCy] of sides) {
      const end = this.sequence(steps, branchX, branchCy, {
        source: step.id,
        sourceHandle: branch,
        branch,
        place: { first: branch, condition: step.id },
      });
      this.edge(end, joinId, branch);
    }
    this.nodes.push({ id: joinId, type: 'join', x: joinX, y: cy - JOIN.height / 2, ...JOIN });
    return { source: joinId, place: { after: step.id }, previous: step };
  }
}

/** The whole canvas: start, the steps, end. */
export function layoutCanvas(steps: Step[]): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const layout = new Layout();
  const extent = measure(steps);
  const cy = Math.max(extent.up, CARD.height / 2);
  layout.nodes.push({
    id: 'start',
    type: 'terminal',
    terminal: 'start',
    x: 0,
    y: cy - TERMINAL.height / 2,
    ...TERMINAL,
  });
  const firstX = TERMINAL.width + H_GAP;
  const last = layout.sequence(steps, firstX, cy, { source: 'start', place: { first: 'main' } });
  const endX = steps.length ? firstX + extent.width + H_GAP : firstX;
  layout.nodes.push({
    id: 'end',
    type: 'terminal',
    terminal: 'end',
    x: endX,
    y: cy - TERMINAL.height / 2,
    ...TERMINAL,
  });
  layout.edge(last, 'end');
  return layout;
}
