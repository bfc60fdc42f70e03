import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import { useEffect, useRef, useState } from 'react';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './diagram.css';

/** A badge or box drawn over one element (diagram-js overlay), text only. */
export interface DiagramOverlay {
  elementId: string;
  className: string;
  /** Lines of text; the first may be bold through the class. */
  lines: string[];
  title?: string;
  position: { top?: number; bottom?: number; left?: number; right?: number };
}

export interface DiagramProps {
  xml: string;
  /** CSS classes per element id, set with canvas.addMarker. */
  markers: Record<string, string[]>;
  overlays: DiagramOverlay[];
  label: string;
  onError(message: string): void;
  /** The diagram's element names by id, once imported (for tables beside it). */
  onNames?(names: Map<string, string>): void;
}

const OVERLAY_TYPE = 'operations';

/**
 * A read-only BPMN diagram (bpmn-js NavigatedViewer: pan and zoom) with markers and overlays
 * that change without re-importing the XML, so a refreshed instance updates in place.
 */
export function BpmnDiagram({ xml, markers, overlays, label, onError, onNames }: DiagramProps) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const applied = useRef<[string, string][]>([]);
  const [imported, setImported] = useState<string | null>(null);
  const reportError = useRef(onError);
  reportError.current = onError;
  const reportNames = useRef(onNames);
  reportNames.current = onNames;

  useEffect(() => {
    if (!container.current) return;
    const created = new NavigatedViewer({ container: container.current });
    viewer.current = created;
    return () => {
      viewer.current = null;
      created.destroy();
    };
  }, []);

  useEffect(() => {
    const current = viewer.current;
    if (!current) return;
    let cancelled = false;
    setImported(null);
    applied.current = [];
    current
      .importXML(xml)
      .then(() => {
        if (cancelled) return;
        // diagram-js takes 'auto' to centre the diagram; its typings know only a point.
        current.get<Canvas>('canvas').zoom('fit-viewport', 'auto' as never);
        setImported(xml);
        const names = new Map<string, string>();
        for (const element of current.get<ElementRegistry>('elementRegistry').getAll()) {
          const name = (element as { businessObject?: { name?: string } }).businessObject?.name;
          if (name) names.set(element.id, name);
        }
        reportNames.current?.(names);
      })
      .catch((error: unknown) => {
        if (!cancelled) reportError.current(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
    };
  }, [xml]);

  const markerKey = JSON.stringify(markers);
  const overlayKey = JSON.stringify(overlays);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys stand for markers and overlays
  useEffect(() => {
    const current = viewer.current;
    if (!current || imported !== xml) return;
    const canvas = current.get<Canvas>('canvas');
    const registry = current.get<ElementRegistry>('elementRegistry');
    const overlayService = current.get<Overlays>('overlays');
    for (const [id, marker] of applied.current) if (registry.get(id)) canvas.removeMarker(id, marker);
    applied.current = [];
    for (const [id, classes] of Object.entries(markers)) {
      if (!registry.get(id)) continue;
      for (const marker of classes) {
        canvas.addMarker(id, marker);
        applied.current.push([id, marker]);
      }
    }
    overlayService.remove({ type: OVERLAY_TYPE });
    for (const overlay of overlays) {
      if (!registry.get(overlay.elementId)) continue;
      overlayService.add(overlay.elementId, OVERLAY_TYPE, {
        position: overlay.position,
        html: overlayElement(overlay),
      });
    }
  }, [imported, xml, markerKey, overlayKey]);

  return (
    <div
      className="op-diagram"
      ref={container}
      role="img"
      aria-label={label}
      data-imported={imported !== null}
    />
  );
}

function overlayElement(overlay: DiagramOverlay): HTMLElement {
  const box = document.createElement('div');
  box.className = overlay.className;
  box.dataset.elementId = overlay.elementId;
  if (overlay.title) box.title = overlay.title;
  for (const line of overlay.lines) {
    const row = document.createElement('div');
    row.textContent = line;
    box.append(row);
  }
  return box;
}
