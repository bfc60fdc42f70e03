import { Form } from '@bpmn-io/form-js';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import DmnViewer from 'dmn-js/lib/Viewer';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelKind } from './api.ts';
import { MODDLE_EXTENSIONS } from './bpmn-modules.ts';
import './dmn-assets.ts';
import '@bpmn-io/form-js/dist/assets/form-js.css';

/** A model shown without editing: bpmn-js or dmn-js viewer, or the form as a person would see it. */
export function ReadOnlyModel({ kind, content }: { kind: ModelKind; content: string }) {
  const { t } = useTranslation('modeler');
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    let live = true;
    const failed = (failure: Error) => live && setError(failure.message);
    if (kind === 'bpmn') {
      const viewer = new NavigatedViewer({ container, moddleExtensions: MODDLE_EXTENSIONS });
      viewer.importXML(content).then(() => viewer.get<Canvas>('canvas').zoom('fit-viewport'), failed);
      return () => {
        live = false;
        viewer.destroy();
      };
    }
    if (kind === 'dmn') {
      const viewer = new DmnViewer({ container });
      viewer.importXML(content).catch(failed);
      return () => {
        live = false;
        viewer.destroy();
      };
    }
    const form = new Form({ container, properties: { readOnly: true } });
    try {
      form.importSchema(JSON.parse(content)).catch(failed);
    } catch (failure) {
      failed(failure as Error);
    }
    return () => {
      live = false;
      form.destroy();
    };
  }, [kind, content]);

  return (
    <div className={`read-only-model read-only-${kind}`}>
      {error && (
        <p className="error" role="alert">
          {t('editor.importFailed', { message: error })}
        </p>
      )}
      <div className="read-only-container" ref={ref} />
    </div>
  );
}
