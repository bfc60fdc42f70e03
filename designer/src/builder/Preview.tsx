import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

/** Imports only the latest XML once the owner pauses typing. */
const SETTLE_MS = 250;

/** What the builder makes, drawn by bpmn-js as the modeler will show it (pan and zoom). */
export function Preview({ xml }: { xml: string }) {
  const { t } = useTranslation('builder');
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const [failure, setFailure] = useState<string | undefined>();
  const [shown, setShown] = useState<string | undefined>();

  useEffect(() => {
    if (!container.current) return;
    const created = new NavigatedViewer({ container: container.current });
    viewer.current = created;
    return () => {
      created.destroy();
      viewer.current = null;
    };
  }, []);

  // bpmn-js must not import twice at once: one import at a time, always of the newest XML.
  const latest = useRef(xml);
  const importing = useRef(false);
  useEffect(() => {
    latest.current = xml;
    const timer = setTimeout(function importLatest() {
      const target = viewer.current;
      if (!target || importing.current) return;
      const wanted = latest.current;
      importing.current = true;
      target
        .importXML(wanted)
        .then(
          () => {
            (target.get('canvas') as Canvas).zoom('fit-viewport');
            setFailure(undefined);
            setShown(wanted);
          },
          (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
        )
        .finally(() => {
          importing.current = false;
          if (latest.current !== wanted && viewer.current === target) importLatest();
        });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [xml]);

  return (
    <section className="builder-preview" aria-label={t('preview')}>
      <h2>{t('preview')}</h2>
      {failure && (
        <p className="builder-error" role="alert">
          {t('previewFailed', { message: failure })}
        </p>
      )}
      <div
        className="builder-preview-canvas"
        ref={container}
        data-shown={shown === xml ? 'current' : 'pending'}
      />
    </section>
  );
}
