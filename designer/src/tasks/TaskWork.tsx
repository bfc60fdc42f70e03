import type { Form } from '@bpmn-io/form-js';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { navigate } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { completeTask, getTaskForm } from './api.ts';
import {
  displayData,
  editableData,
  fieldMessage,
  fieldsByKey,
  localizeSchema,
  variableOfField,
} from './form-i18n.ts';
import { announceCompleted, rememberedView } from './list-memory.ts';
import { problemCode, problemText } from './problems.ts';
import type { Run } from './TaskActions.tsx';
import { TaskFormView } from './TaskFormView.tsx';
import type { Task } from './types.ts';

const formOrNone = (key: string) =>
  getTaskForm(key).catch((error: unknown) => {
    if (problemCode(error) === 'NO_FORM') return null;
    throw error;
  });

interface FieldProblem {
  label: string;
  message: string;
}

/** The task's form and its completion: form-js checks first, then the server (its field errors land on the form). */
export function TaskWork({
  task,
  mine,
  busy,
  run,
}: {
  task: Task;
  mine: boolean;
  busy: string | null;
  run: Run;
}) {
  const { t, i18n } = useTranslation('tasks');
  const form = useLoad(() => formOrNone(task.key), task.key);
  const formRef = useRef<Form | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [formErrors, setFormErrors] = useState<Record<string, unknown>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [elsewhere, setElsewhere] = useState<FieldProblem[]>([]);
  const schema = useMemo(
    () => (form.data ? localizeSchema(form.data.schema, i18n.language) : undefined),
    [form.data, i18n.language],
  );
  const fields = useMemo(
    () => (schema ? fieldsByKey(schema) : new Map<string, { id: string; label: string }>()),
    [schema],
  );
  const data = useMemo(
    () =>
      schema
        ? displayData(schema, task.variables, (name, code) =>
            i18n.exists(`tasks:values.${name}.${code}`) ? t(`values.${name}.${code}` as never) : undefined,
          )
        : task.variables,
    [schema, task.variables, i18n, t],
  );
  const labelOf = (id: string) => [...fields.values()].find((f) => f.id === id)?.label ?? id;

  // What the summary lists: form-js's state (which holds the server's errors too), once a submit was tried.
  const problems: FieldProblem[] = attempted
    ? [
        ...Object.entries(formErrors).flatMap(([id, messages]) =>
          Array.isArray(messages) && typeof messages[0] === 'string'
            ? [{ label: labelOf(id), message: messages[0] }]
            : [],
        ),
        ...elsewhere,
      ]
    : [];
  const fromServer = Object.keys(serverErrors).length > 0 || elsewhere.length > 0;

  const complete = async () => {
    setAttempted(true);
    setServerErrors({});
    setElsewhere([]);
    let variables: Record<string, unknown> = {};
    if (formRef.current) {
      const { data, errors } = formRef.current.submit();
      if (Object.keys(errors).length > 0) return;
      variables = schema ? editableData(schema, data) : data;
    }
    const done = await run('complete', async () => {
      try {
        await completeTask(task.key, variables);
      } catch (error) {
        if (error instanceof ApiError && error.errors.length > 0) placeServerErrors(error.errors);
        throw error;
      }
    });
    if (!done) return;
    announceCompleted(task.name);
    const view = rememberedView();
    navigate(...(view === 'mine' ? ['tasks'] : ['tasks', view]));
  };

  const placeServerErrors = (errors: { field: string; message: string }[]) => {
    const byId: Record<string, string[]> = {};
    const other: FieldProblem[] = [];
    for (const e of errors) {
      const name = variableOfField(e.field);
      const field = fields.get(name);
      const message = fieldMessage(e.message, i18n.language);
      if (field) byId[field.id] = [message];
      else other.push({ label: name, message });
    }
    setServerErrors(byId);
    setElsewhere(other);
  };

  return (
    <div className="tk-work">
      <h2>{t('task.form')}</h2>
      {form.error !== undefined && (
        <p className="error" role="alert">
          {problemText(form.error, t, t('task.formError'))}
        </p>
      )}
      {form.loading && form.data === undefined && <p className="muted">{t('task.formLoading')}</p>}
      {form.data === null && <p className="muted">{mine ? t('task.noForm') : t('task.noFormShort')}</p>}
      {schema && (
        <TaskFormView
          schema={schema}
          data={data}
          readOnly={!mine || busy !== null}
          fieldErrors={serverErrors}
          formRef={formRef}
          onErrors={setFormErrors}
        />
      )}
      {problems.length > 0 && (
        <div className="tk-field-problems" role="alert" data-source={fromServer ? 'server' : 'form'}>
          <p>{fromServer ? t('formErrors.server') : t('formErrors.title')}</p>
          <ul>
            {problems.map((item) => (
              <li key={`${item.label}:${item.message}`}>
                <strong>{item.label}</strong>: {item.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {mine && (
        <div className="tk-complete">
          <button
            type="button"
            name="complete"
            disabled={busy !== null || (form.loading && form.data === undefined)}
            onClick={() => void complete()}
          >
            {busy === 'complete' ? t('actions.completing') : t('actions.complete')}
          </button>
        </div>
      )}
    </div>
  );
}
