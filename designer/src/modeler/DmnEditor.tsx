import DmnModeler from 'dmn-js/lib/Modeler';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './dmn-assets.ts';

interface Viewer {
  on(event: string, callback: () => void): void;
  off(event: string, callback: () => void): void;
}

/** dmn-js Modeler (DRD, decision tables, literal expressions); reports the XML after each change. */
export function DmnEditor({ xml, onChange }: { xml: string; onChange(xml: string): void }) {
  const { t } = useTranslation('modeler');
  const ref = useRef<HTMLDivElement>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [error, setError] = useState('');

  useEffect(() => {
    if (!ref.current) return;
    const modeler = new DmnModeler({ container: ref.current, keyboard: { bind: false } });
    let live = true;
    let watched: Viewer | undefined;
    const changed = () =>
      modeler.saveXML({ format: true }).then(
        ({ xml: content }: { xml: string }) => live && onChangeRef.current(content),
        () => undefined,
      );
    // Each view (DRD, a table) has its own command stack: follow the active one.
    modeler.on('views.changed', () => {
      watched?.off('commandStack.changed', changed);
      watched = modeler.getActiveViewer() as Viewer | undefined;
      watched?.on('commandStack.changed', changed);
    });
    modeler.importXML(xml).catch((failure: Error) => live && setError(failure.message));
    return () => {
      live = false;
      modeler.destroy();
    };
  }, [xml]);

  return (
    <div className="dmn-editor">
      {error && (
        <p className="error" role="alert">
          {t('editor.importFailed', { message: error })}
        </p>
      )}
      <div className="dmn-container" ref={ref} />
    </div>
  );
}
