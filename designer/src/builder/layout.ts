import type { ApprovalStep, ConditionStep, EscalateStep, Flow, NotifyStep, Step } from './flow.ts';

/**
 * The flow as a laid-out BPMN graph: every element with its bounds, every sequence flow with
 * its waypoints. Left to right on one centre line; a condition's "yes" branch above it, its
 * "no" branch below; an escalation hangs under its approval task.
 */

export interface Point {
  x: number;
  y: number;
}
export interface Bounds extends Point {
  width: number;
  height: number;
}

export type GraphNode =
  | { kind: 'start' | 'end'; id: string; name: string; bounds: Bounds; label: Bounds }
  | { kind: 'approval'; id: string; step: ApprovalStep; bounds: Bounds }
  | { kind: 'notify'; id: string; step: NotifyStep; bounds: Bounds }
  | { kind: 'wait'; id: string; name: string; duration: string; bounds: Bounds; label: Bounds }
  | { kind: 'split' | 'join'; id: string; name: string; bounds: Bounds; label?: Bounds; defaultFlow?: string }
  | {
      kind: 'boundary';
      id: string;
      name: string;
      duration: string;
      attachedTo: string;
      bounds: Bounds;
      label: Bounds;
    };

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  waypoints: Point[];
  name?: string;
  label?: Bounds;
  /** FEEL without `=`. */
  condition?: string;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const TASK = { width: 100, height: 80 };
export const EVENT = 36;
export const GATEWAY = 50;
const GAP = 50;
/** From a gateway to its branches, and from the branches to the join. */
const BRANCH_GAP = 40;
/** Between a gateway's tip and the nearest element of a branch. */
const BRANCH_CLEARANCE = 30;
const MIN_BRANCH_WIDTH = 60;
/** A gateway's label sits above-left of it, three lines high. */
const GATEWAY_LABEL = { width: 90, height: 40, rise: 82 };
const TOP = 60;
const LEFT = 152;

interface Extent {
  width: number;
  up: number;
  down: number;
}

/** What follows in a sequence: a step, with the escalation attached to it when it is an approval. */
interface Unit {
  step: Exclude<Step, EscalateStep>;
  escalation?: EscalateStep;
}

/** An escalation belongs to the approval right before it; one anywhere else has nothing to attach to. */
function units(steps: Step[]): Unit[] {
  const out: Unit[] = [];
  steps.forEach((step, index) => {
    if (step.kind !== 'escalate') out.push({ step });
    else {
      const previous = out[out.length - 1];
      if (previous?.step.kind === 'approval' && !previous.escalation && steps[index - 1]?.kind === 'approval')
        previous.escalation = step;
    }
  });
  return out;
}

function measureUnit({ step, escalation }: Unit): Extent {
  switch (step.kind) {
    case 'approval':
      return escalation
        ? { width: TASK.width + GAP + EVENT, up: TASK.height / 2, down: escalationDepth() + TASK.height }
        : { width: TASK.width, up: TASK.height / 2, down: TASK.height / 2 };
    case 'notify':
      return { width: TASK.width, up: TASK.height / 2, down: TASK.height / 2 };
    case 'wait':
      return { width: EVENT, up: EVENT / 2, down: EVENT / 2 };
    case 'condition': {
      const { yes, no, branchWidth, yesOffset, noOffset } = conditionMetrics(step);
      return {
        width: 2 * GATEWAY + 2 * BRANCH_GAP + branchWidth,
        up: Math.max(yesOffset + yes.up, GATEWAY_LABEL.rise),
        down: noOffset + no.down,
      };
    }
  }
}

/** From the centre line to the top of the escalation's task. */
function escalationDepth(): number {
  return TASK.height / 2 + EVENT / 2 + 40;
}

function measureSequence(steps: Step[]): Extent {
  const extents = units(steps).map(measureUnit);
  return {
    width: extents.reduce((sum, e) => sum + e.width, 0) + GAP * Math.max(0, extents.length - 1),
    up: Math.max(0, ...extents.map((e) => e.up)),
    down: Math.max(0, ...extents.map((e) => e.down)),
  };
}

function conditionMetrics(step: ConditionStep) {
  const yes = measureSequence(step.yes);
  const no = measureSequence(step.no);
  return {
    yes,
    no,
    branchWidth: Math.max(yes.width, no.width, MIN_BRANCH_WIDTH),
    yesOffset: GATEWAY / 2 + BRANCH_CLEARANCE + yes.down,
    noOffset: GATEWAY / 2 + BRANCH_CLEARANCE + no.up,
  };
}

/** Where the next sequence flow starts: its source and the waypoints so far, maybe its name and condition. */
interface Exit {
  id: string;
  points: Point[];
  edge?: Pick<GraphEdge, 'name' | 'label' | 'condition'> & { isDefaultOf?: string };
}

class Builder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  private flows = 0;

  connect(from: Exit, target: string, ...points: Point[]): GraphEdge {
    this.flows += 1;
    const edge: GraphEdge = {
      id: `Flow_${this.flows}`,
      source: from.id,
      target,
      waypoints: [...from.points, ...points],
      ...(from.edge?.name ? { name: from.edge.name } : {}),
      ...(from.edge?.label ? { label: from.edge.label } : {}),
      ...(from.edge?.condition !== undefined ? { condition: from.edge.condition } : {}),
    };
    this.edges.push(edge);
    const split = from.edge?.isDefaultOf;
    if (split) {
      const gateway = this.nodes.find((node) => node.id === split);
      if (gateway?.kind === 'split') gateway.defaultFlow = edge.id;
    }
    return edge;
  }

  /** Lays the steps out from `x` on the centre line `cy`, the first connected from `from`. */
  sequence(steps: Step[], x: number, cy: number, from: Exit): Exit {
    let left = x;
    let exit = from;
    for (const unit of units(steps)) {
      exit = this.unit(unit, left, cy, exit);
      left += measureUnit(unit).width + GAP;
    }
    return exit;
  }

  private unit(unit: Unit, x: number, cy: number, from: Exit): Exit {
    const { step } = unit;
    if (step.kind === 'condition') return this.condition(step, x, cy, from);
    if (step.kind === 'wait') {
      const id = `Event_${step.id}`;
      const bounds = { x, y: cy - EVENT / 2, width: EVENT, height: EVENT };
      this.nodes.push({
        kind: 'wait',
        id,
        name: step.name,
        duration: step.unit === 'days' ? `P${step.amount}D` : `PT${step.amount}H`,
        bounds,
        label: labelBelow(bounds, step.name),
      });
      this.connect(from, id, { x, y: cy });
      return { id, points: [{ x: x + EVENT, y: cy }] };
    }
    const id = `Task_${step.id}`;
    this.task(step, id, { x, y: cy - TASK.height / 2, ...TASK });
    this.connect(from, id, { x, y: cy });
    if (step.kind === 'approval' && unit.escalation) this.escalation(unit.escalation, id, x, cy);
    return { id, points: [{ x: x + TASK.width, y: cy }] };
  }

  private task(step: ApprovalStep | NotifyStep, id: string, bounds: Bounds): void {
    if (step.kind === 'approval') this.nodes.push({ kind: 'approval', id, step, bounds });
    else this.nodes.push({ kind: 'notify', id, step, bounds });
  }

  private escalation(step: EscalateStep, attachedTo: string, x: number, cy: number): void {
    const id = `Event_${step.id}`;
    const centre = x + TASK.width / 2;
    const bounds = {
      x: centre - EVENT / 2,
      y: cy + TASK.height / 2 - EVENT / 2,
      width: EVENT,
      height: EVENT,
    };
    this.nodes.push({
      kind: 'boundary',
      id,
      name: step.name,
      duration: `PT${step.afterHours}H`,
      attachedTo,
      bounds,
      label: { x: centre + EVENT / 2 + 4, y: bounds.y + EVENT + 4, width: 80, height: 14 },
    });
    const top = cy + escalationDepth();
    const taskId = `Task_${step.action.id}`;
    this.task(step.action, taskId, { x, y: top, ...TASK });
    this.connect({ id, points: [{ x: centre, y: bounds.y + EVENT }] }, taskId, { x: centre, y: top });
    const ecy = top + TASK.height / 2;
    const endX = x + TASK.width + GAP;
    const endId = `EndEvent_${step.id}`;
    const endBounds = { x: endX, y: ecy - EVENT / 2, width: EVENT, height: EVENT };
    this.nodes.push({
      kind: 'end',
      id: endId,
      name: 'Eskalasi selesai',
      bounds: endBounds,
      label: labelBelow(endBounds, 'Eskalasi selesai'),
    });
    this.connect({ id: taskId, points: [{ x: x + TASK.width, y: ecy }] }, endId, { x: endX, y: ecy });
  }

  private condition(step: ConditionStep, x: number, cy: number, from: Exit): Exit {
    const { branchWidth, yesOffset, noOffset } = conditionMetrics(step);
    const splitId = `Gateway_${step.id}`;
    const joinId = `Gateway_${step.id}_join`;
    const tip = x + GATEWAY / 2;
    const joinX = x + GATEWAY + BRANCH_GAP + branchWidth + BRANCH_GAP;
    const joinTip = joinX + GATEWAY / 2;
    const branchX = x + GATEWAY + BRANCH_GAP;
    this.nodes.push({
      kind: 'split',
      id: splitId,
      name: step.name,
      bounds: { x, y: cy - GATEWAY / 2, width: GATEWAY, height: GATEWAY },
      label: {
        x: tip - 8 - GATEWAY_LABEL.width,
        y: cy - GATEWAY_LABEL.rise,
        width: GATEWAY_LABEL.width,
        height: GATEWAY_LABEL.height,
      },
    });
    this.nodes.push({
      kind: 'join',
      id: joinId,
      name: '',
      bounds: { x: joinX, y: cy - GATEWAY / 2, width: GATEWAY, height: GATEWAY },
    });
    this.connect(from, splitId, { x, y: cy });
    const yesCy = cy - yesOffset;
    const noCy = cy + noOffset;
    const yesExit = this.sequence(step.yes, branchX, yesCy, {
      id: splitId,
      points: [
        { x: tip, y: cy - GATEWAY / 2 },
        { x: tip, y: yesCy },
      ],
      edge: {
        name: 'Ya',
        label: { x: tip + 6, y: yesCy + 4, width: 18, height: 14 },
        condition: step.condition,
      },
    });
    this.connect(yesExit, joinId, { x: joinTip, y: yesCy }, { x: joinTip, y: cy - GATEWAY / 2 });
    const noExit = this.sequence(step.no, branchX, noCy, {
      id: splitId,
      points: [
        { x: tip, y: cy + GATEWAY / 2 },
        { x: tip, y: noCy },
      ],
      edge: {
        name: 'Tidak',
        label: { x: tip + 6, y: noCy - 18, width: 32, height: 14 },
        isDefaultOf: splitId,
      },
    });
    this.connect(noExit, joinId, { x: joinTip, y: noCy }, { x: joinTip, y: cy + GATEWAY / 2 });
    return { id: joinId, points: [{ x: joinX + GATEWAY, y: cy }] };
  }
}

/** An event's label under it, as wide as its words need (about 6 px a letter, at most two lines). */
function labelBelow(bounds: Bounds, text: string): Bounds {
  const width = Math.min(100, Math.max(30, text.length * 6));
  const height = text.length * 6 > 100 ? 27 : 14;
  return { x: bounds.x + bounds.width / 2 - width / 2, y: bounds.y + bounds.height + 4, width, height };
}

/** The flow laid out: start, the steps, end. */
export function layoutFlow(flow: Flow): Graph {
  const builder = new Builder();
  const extent = measureSequence(flow.steps);
  const cy = TOP + Math.max(extent.up, TASK.height / 2);
  const start = { x: LEFT, y: cy - EVENT / 2, width: EVENT, height: EVENT };
  builder.nodes.push({
    kind: 'start',
    id: 'StartEvent_1',
    name: 'Mulai',
    bounds: start,
    label: labelBelow(start, 'Mulai'),
  });
  const firstX = LEFT + EVENT + GAP;
  const exit = builder.sequence(flow.steps, firstX, cy, {
    id: 'StartEvent_1',
    points: [{ x: LEFT + EVENT, y: cy }],
  });
  const endX = extent.width > 0 ? firstX + extent.width + GAP : firstX;
  const end = { x: endX, y: cy - EVENT / 2, width: EVENT, height: EVENT };
  builder.nodes.push({
    kind: 'end',
    id: 'EndEvent_1',
    name: 'Selesai',
    bounds: end,
    label: labelBelow(end, 'Selesai'),
  });
  builder.connect(exit, 'EndEvent_1', { x: endX, y: cy });
  return { nodes: builder.nodes, edges: builder.edges };
}
