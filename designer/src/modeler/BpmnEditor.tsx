import BpmnModeler from 'bpmn-js/lib/Modeler';
import type Canvas from 'diagram-js/lib/core/Canvas';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { declaredEngine, MODDLE_EXTENSIONS, MODELER_MODULES } from './bpmn-modules.ts';
import { translateModule } from './bpmn-translate.ts';

interface Props {
  xml: string;
  /** The element templates (GET /api/designer/element-templates), once loaded. */
  templates: unknown[] | undefined;
  onChange(xml: string): void;
  onReady(modeler: BpmnModeler | null): void;
}

interface ElementTemplates {
  setEngines(engines: Record<string, string>): void;
}

/** bpmn-js Modeler with the Zeebe properties panel, behaviours and element templates. */
export function BpmnEditor({ xml, templates, onChange, onReady }: Props) {
  const { t, i18n } = useTranslation('modeler');
  const language = useRef(i18n.language);
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<BpmnModeler | null>(null);
  const callbacks = useRef({ onChange, onReady });
  callbacks.current = { onChange, onReady };
  const templatesRef = useRef(templates);
  templatesRef.current = templates;
  const [error, setError] = useState('');

  useEffect(() => {
    if (!canvasRef.current || !panelRef.current) return;
    const modeler = new BpmnModeler({
      container: canvasRef.current,
      propertiesPanel: { parent: panelRef.current },
      additionalModules: [...MODELER_MODULES, translateModule(language.current)],
      moddleExtensions: MODDLE_EXTENSIONS,
      elementTemplates: { engines: { camunda: '8.8.0' } },
      keyboard: { bind: false },
    });
    modelerRef.current = modeler;
    if (templatesRef.current) loadTemplates(modeler, templatesRef.current);
    let live = true;
    modeler.importXML(xml).then(
      () => {
        if (!live) return;
        const definitions = modeler.getDefinitions() as { get(name: string): unknown } | undefined;
        modeler
          .get<ElementTemplates>('elementTemplates')
          .setEngines({ camunda: declaredEngine(definitions) });
        modeler.get<Canvas>('canvas').zoom('fit-viewport');
        callbacks.current.onReady(modeler);
      },
      (failure: Error) => live && setError(failure.message),
    );
    modeler.on('commandStack.changed', () => {
      modeler.saveXML({ format: true }).then(
        ({ xml: changed }) => live && changed && callbacks.current.onChange(changed),
        () => undefined,
      );
    });
    return () => {
      live = false;
      callbacks.current.onReady(null);
      modelerRef.current = null;
      modeler.destroy();
    };
  }, [xml]);

  useEffect(() => {
    if (templates && modelerRef.current) loadTemplates(modelerRef.current, templates);
  }, [templates]);

  return (
    <div className="bpmn-editor">
      {error && (
        <p className="error import-error" role="alert">
          {t('editor.importFailed', { message: error })}
        </p>
      )}
      <div className="bpmn-canvas" ref={canvasRef} />
      <div className="bpmn-properties" ref={panelRef} />
    </div>
  );
}

function loadTemplates(modeler: BpmnModeler, templates: unknown[]): void {
  modeler.get<{ setTemplates(list: unknown[]): void }>('elementTemplatesLoader').setTemplates(templates);
}
