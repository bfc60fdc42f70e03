import { FormEditor as FormJsEditor } from '@bpmn-io/form-js';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js/dist/assets/properties-panel.css';

/** form-js FormEditor; reports the schema (as the .form file's JSON) after each change. */
export function FormEditor({ json, onChange }: { json: string; onChange(json: string): void }) {
  const { t } = useTranslation('modeler');
  const ref = useRef<HTMLDivElement>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [error, setError] = useState('');

  useEffect(() => {
    if (!ref.current) return;
    const editor = new FormJsEditor({ container: ref.current });
    let live = true;
    let imported = false;
    editor.on('changed', () => {
      if (live && imported) onChangeRef.current(`${JSON.stringify(editor.saveSchema(), null, 2)}\n`);
    });
    try {
      editor.importSchema(JSON.parse(json)).then(
        () => {
          imported = true;
        },
        (failure: Error) => live && setError(failure.message),
      );
    } catch (failure) {
      setError((failure as Error).message);
    }
    return () => {
      live = false;
      editor.destroy();
    };
  }, [json]);

  return (
    <div className="form-editor">
      {error && (
        <p className="error" role="alert">
          {t('editor.importFailed', { message: error })}
        </p>
      )}
      <div className="form-container" ref={ref} />
    </div>
  );
}
