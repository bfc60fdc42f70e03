import { Form } from '@bpmn-io/form-js';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessage } from './form-i18n.ts';
import '@bpmn-io/form-js/dist/assets/form-js.css';

interface Validator {
  validateField(field: unknown, value: unknown): string[];
  validateFieldInstance(instance: unknown, value: unknown): string[];
}

/**
 * form-js writes its validation messages in English and has no translation hook: this module
 * wraps its validator so every message comes out in the person's language.
 */
function localizedValidation(language: string) {
  function LocalizeMessages(validator: Validator) {
    const byField = validator.validateField.bind(validator);
    const byInstance = validator.validateFieldInstance.bind(validator);
    const say = (messages: string[]) => messages.map((m) => fieldMessage(m, language));
    validator.validateField = (field, value) => say(byField(field, value));
    validator.validateFieldInstance = (instance, value) => say(byInstance(instance, value));
  }
  LocalizeMessages.$inject = ['validator'];
  return { __init__: ['localizeMessages'], localizeMessages: ['type', LocalizeMessages] };
}

/** The task's form (form-js viewer) with the task's variables; read-only unless the person may complete it. */
export function TaskFormView({
  schema,
  data,
  readOnly,
  fieldErrors,
  formRef,
  onErrors,
}: {
  schema: Record<string, unknown>;
  data: Record<string, unknown>;
  readOnly: boolean;
  /** The server's refusals per component id (messages already in the person's language). */
  fieldErrors: Record<string, string[]>;
  formRef: RefObject<Form | null>;
  /** form-js's validation state (its own and the server's) after every change, by component id. */
  onErrors(errors: Record<string, unknown>): void;
}) {
  const { t, i18n } = useTranslation('tasks');
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState('');
  // Set once form-js has imported the schema and data: input typed before that would be reset.
  const [ready, setReady] = useState(false);
  const dataRef = useRef(data);
  dataRef.current = data;
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const errorsListener = useRef(onErrors);
  errorsListener.current = onErrors;

  // A new form per schema and language; the variables are read once (polling must not wipe input).
  useEffect(() => {
    if (!container.current) return;
    const form = new Form({
      container: container.current,
      properties: { readOnly: readOnlyRef.current },
      additionalModules: [localizedValidation(i18n.language)],
    });
    formRef.current = form;
    form.on('changed', (state: { errors: Record<string, unknown> }) => errorsListener.current(state.errors));
    setReady(false);
    form
      .importSchema(schema, dataRef.current)
      .then(() => setReady(true))
      .catch((error: Error) => setFailed(error.message));
    return () => {
      formRef.current = null;
      form.destroy();
    };
  }, [schema, i18n.language, formRef]);

  useEffect(() => {
    formRef.current?.setProperty('readOnly', readOnly);
  }, [readOnly, formRef]);

  useEffect(() => {
    const form = formRef.current;
    if (!form || Object.keys(fieldErrors).length === 0) return;
    // form-js has no public setter for errors; its own validation state holds them the same way.
    form._setState({ errors: { ...form._getState().errors, ...fieldErrors } });
  }, [fieldErrors, formRef]);

  return (
    <div
      className="tk-form"
      data-readonly={readOnly ? 'true' : 'false'}
      data-ready={ready ? 'true' : 'false'}
    >
      {failed && (
        <p className="error" role="alert">
          {t('task.formError')}: {failed}
        </p>
      )}
      <div ref={container} />
    </div>
  );
}
