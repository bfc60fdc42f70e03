import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MODDLE_EXTENSIONS } from './bpmn-modules.ts';

/** One side of a comparison: a bpmn-js viewer of one version, handed up once imported. */
export function DiffPane({
  title,
  xml,
  onReady,
}: {
  title: string;
  xml: string;
  onReady(viewer: NavigatedViewer | null): void;
}) {
  const { t } = useTranslation('modeler');
  const ref = useRef<HTMLDivElement>(null);
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  const [error, setError] = useState('');

  useEffect(() => {
    if (!ref.current) return;
    const viewer = new NavigatedViewer({ container: ref.current, moddleExtensions: MODDLE_EXTENSIONS });
    let live = true;
    viewer.importXML(xml).then(
      () => live && onReadyRef.current(viewer),
      (failure: Error) => live && setError(failure.message),
    );
    return () => {
      live = false;
      onReadyRef.current(null);
      viewer.destroy();
    };
  }, [xml]);

  return (
    <div className="diff-pane">
      <h2>{title}</h2>
      {error && (
        <p className="error" role="alert">
          {t('editor.importFailed', { message: error })}
        </p>
      )}
      <div className="diff-canvas" ref={ref} />
    </div>
  );
}
