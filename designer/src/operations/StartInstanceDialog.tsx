import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { Dialog } from '../components/Dialog.tsx';
import { errorText } from '../format.ts';
import { startInstance } from './api.ts';
import { checkVariables } from './start-variables.ts';

/** Starts an instance of a process with variables given as JSON (processes.operate). */
export function StartInstanceDialog({
  processIds,
  initialProcessId,
  onClose,
  onStarted,
}: {
  processIds: string[];
  initialProcessId?: string | undefined;
  onClose(): void;
  onStarted(processInstanceKey: string): void;
}) {
  const { t } = useTranslation('operations');
  const [processId, setProcessId] = useState(initialProcessId ?? processIds[0] ?? '');
  const [text, setText] = useState('{\n  \n}');
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<ApiError['errors']>([]);
  const [busy, setBusy] = useState(false);
  const checked = checkVariables(text);
  const jsonProblem =
    'variables' in checked
      ? null
      : checked.problem === 'invalidJson'
        ? t('start.invalidJson', { reason: checked.reason })
        : t('start.notObject');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!('variables' in checked)) return;
    setBusy(true);
    setProblem(null);
    setFieldErrors([]);
    try {
      const started = await startInstance(processId, checked.variables);
      onStarted(started.processInstanceKey);
      onClose();
    } catch (error) {
      setProblem(errorText(error, t('error')));
      if (error instanceof ApiError) setFieldErrors(error.errors);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('start.title')} onClose={onClose}>
      <form className="op-form" onSubmit={submit}>
        <label>
          {t('start.process')}
          <select name="processId" value={processId} onChange={(e) => setProcessId(e.target.value)} required>
            {processIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('start.variables')}
          <textarea
            name="variables"
            rows={8}
            spellCheck={false}
            value={text}
            aria-invalid={jsonProblem !== null}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <p className={jsonProblem ? 'error' : 'muted'} role={jsonProblem ? 'alert' : undefined}>
          {jsonProblem ?? t('start.hint')}
        </p>
        {problem && (
          <div className="error" role="alert">
            <p>{problem}</p>
            {fieldErrors.length > 0 && (
              <ul>
                {fieldErrors.map((entry) => (
                  <li key={`${entry.field}:${entry.message}`}>
                    <code>{entry.field}</code>: {entry.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" disabled={busy || jsonProblem !== null || !processId}>
            {t('start.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
