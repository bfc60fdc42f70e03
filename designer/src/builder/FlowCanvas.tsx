import {
  Background,
  BaseEdge,
  Controls,
  type Edge,
  EdgeLabelRenderer,
  type EdgeProps,
  getSmoothStepPath,
  Handle,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
} from '@xyflow/react';
import { createContext, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '@xyflow/react/dist/style.css';
import { type CanvasEdge, type CanvasNode, layoutCanvas } from './canvas-layout.ts';
import type { Place, Step, StepKind } from './flow.ts';
import { STEP_KINDS } from './flow.ts';
import { StepSummary } from './StepSummary.tsx';

interface CanvasActions {
  selected: string | undefined;
  problems: Map<string, number>;
  openEdge: string | undefined;
  setOpenEdge(id: string | undefined): void;
  onInsert(place: Place, kind: StepKind): void;
  onDelete(stepId: string): void;
}

const Actions = createContext<CanvasActions | undefined>(undefined);
const useActions = () => useContext(Actions) as CanvasActions;

type StepNode = Node<{ step: Step }, 'step'>;
type TerminalNode = Node<{ terminal: 'start' | 'end' }, 'terminal'>;
type JoinNode = Node<Record<string, never>, 'join'>;
type InsertEdge = Edge<{ layout: CanvasEdge }, 'insert'>;

function StepCard({ data }: NodeProps<StepNode>) {
  const { t } = useTranslation('builder');
  const { selected, problems, onDelete } = useActions();
  const { step } = data;
  const count = problems.get(step.id) ?? 0;
  return (
    <div
      className={`builder-card kind-${step.kind}${selected === step.id ? ' selected' : ''}${count ? ' invalid' : ''}`}
      data-step={step.id}
    >
      <Handle type="target" position={Position.Left} />
      <div className="builder-card-head">
        <span className="builder-card-kind">{t(`kinds.${step.kind}`)}</span>
        {count > 0 && (
          <span className="builder-card-problems" title={t('problems.count', { count })}>
            {count}
          </span>
        )}
        <button
          type="button"
          className="builder-card-delete nodrag"
          aria-label={`${t('deleteStep')}: ${step.name}`}
          title={t('deleteStep')}
          onClick={(event) => {
            event.stopPropagation();
            onDelete(step.id);
          }}
        >
          ×
        </button>
      </div>
      <div className="builder-card-name">{step.name || '—'}</div>
      <StepSummary step={step} />
      {step.kind === 'condition' ? (
        <>
          <Handle type="source" id="yes" position={Position.Top} />
          <Handle type="source" id="no" position={Position.Bottom} />
        </>
      ) : (
        <Handle type="source" position={Position.Right} />
      )}
    </div>
  );
}

function Terminal({ data }: NodeProps<TerminalNode>) {
  const { t } = useTranslation('builder');
  return (
    <div className={`builder-terminal ${data.terminal}`}>
      {data.terminal === 'end' && <Handle type="target" position={Position.Left} />}
      {t(data.terminal)}
      {data.terminal === 'start' && <Handle type="source" position={Position.Right} />}
    </div>
  );
}

function Join(_props: NodeProps<JoinNode>) {
  return (
    <div className="builder-join">
      <Handle type="target" id="yes" position={Position.Top} />
      <Handle type="target" id="no" position={Position.Bottom} />
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

/** How far an empty branch arcs out of the condition (smoothstep's offset). */
const ARC = 28;

/** Where the "+" sits: on a straight stretch of the connection, clear of the bends. */
function plusAt(props: EdgeProps<InsertEdge>, labelX: number, labelY: number): [number, number] {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  if (sourcePosition === Position.Right && targetPosition === Position.Left && sourceY === targetY)
    return [labelX, labelY];
  if (targetPosition === Position.Left) return [targetX - 26, targetY];
  if (sourcePosition === Position.Right) return [sourceX + 26, sourceY];
  // From the condition straight to the join: an empty branch, arcing above (yes) or below (no).
  return [(sourceX + targetX) / 2, sourcePosition === Position.Top ? sourceY - ARC : sourceY + ARC];
}

/** A sequence flow of the canvas with its "+" to add a step there. */
function Insert(props: EdgeProps<InsertEdge>) {
  const { t } = useTranslation('builder');
  const { openEdge, setOpenEdge, onInsert } = useActions();
  const layout = props.data?.layout as CanvasEdge;
  const [path, labelX, labelY] = getSmoothStepPath({ ...props, borderRadius: 10, offset: ARC });
  const open = openEdge === props.id;
  const [plusX, plusY] = plusAt(props, labelX, labelY);
  return (
    <>
      <BaseEdge id={props.id} path={path} />
      <EdgeLabelRenderer>
        {layout.branch && layout.place && 'first' in layout.place && (
          <span
            className={`builder-branch-label ${layout.branch}`}
            style={{
              transform: `translate(0, -50%) translate(${props.sourceX + 8}px, ${props.sourceY + (layout.branch === 'yes' ? -14 : 14)}px)`,
            }}
          >
            {t(layout.branch)}
          </span>
        )}
        <div
          className="builder-insert nodrag nopan"
          style={{ transform: `translate(-50%, -50%) translate(${plusX}px, ${plusY}px)` }}
        >
          <button
            type="button"
            className="builder-plus"
            aria-label={t('addStep')}
            aria-expanded={open}
            title={t('addStep')}
            data-edge={props.id}
            onClick={() => setOpenEdge(open ? undefined : props.id)}
          >
            +
          </button>
          {open && (
            <div className="builder-menu" role="menu">
              {STEP_KINDS.map((kind) => (
                <button
                  key={kind}
                  type="button"
                  role="menuitem"
                  disabled={kind === 'escalate' && layout.previous?.kind !== 'approval'}
                  onClick={() => {
                    setOpenEdge(undefined);
                    onInsert(layout.place, kind);
                  }}
                >
                  {t(`kinds.${kind}`)}
                </button>
              ))}
            </div>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

const NODE_TYPES = { step: StepCard, terminal: Terminal, join: Join };
const EDGE_TYPES = { insert: Insert };

function toNode(node: CanvasNode): Node {
  const data =
    node.type === 'step' ? { step: node.step } : node.type === 'terminal' ? { terminal: node.terminal } : {};
  return {
    id: node.id,
    type: node.type,
    position: { x: node.x, y: node.y },
    data,
    width: node.width,
    height: node.height,
    style: { width: node.width, height: node.height },
    draggable: false,
    connectable: false,
    selectable: node.type === 'step',
  };
}

function toEdge(edge: CanvasEdge): InsertEdge {
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    ...(edge.sourceHandle ? { sourceHandle: edge.sourceHandle } : {}),
    ...(edge.targetHandle ? { targetHandle: edge.targetHandle } : {}),
    type: 'insert',
    data: { layout: edge },
    selectable: false,
  };
}

export interface FlowCanvasProps {
  steps: Step[];
  selected: string | undefined;
  problems: Map<string, number>;
  onSelect(stepId: string | undefined): void;
  onInsert(place: Place, kind: StepKind): void;
  onDelete(stepId: string): void;
}

/** The flow drawn as cards top to bottom, with a "+" on every connection. */
export function FlowCanvas({ steps, selected, problems, onSelect, onInsert, onDelete }: FlowCanvasProps) {
  const [openEdge, setOpenEdge] = useState<string | undefined>();
  const { nodes, edges } = useMemo(() => {
    const layout = layoutCanvas(steps);
    return { nodes: layout.nodes.map(toNode), edges: layout.edges.map(toEdge) };
  }, [steps]);
  const actions = useMemo(
    () => ({ selected, problems, openEdge, setOpenEdge, onInsert, onDelete }),
    [selected, problems, openEdge, onInsert, onDelete],
  );
  // The layout changes shape as steps come and go: fit it again each time.
  const shape = nodes.map((n) => n.id).join(',');
  return (
    <Actions.Provider value={actions}>
      <ReactFlow
        key={shape}
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
        minZoom={0.2}
        maxZoom={1.5}
        nodesDraggable={false}
        nodesConnectable={false}
        onNodeClick={(_event, node) => onSelect(node.type === 'step' ? node.id : undefined)}
        onPaneClick={() => {
          setOpenEdge(undefined);
          onSelect(undefined);
        }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </Actions.Provider>
  );
}
