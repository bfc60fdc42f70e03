import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateChoice } from './api.ts';
import {
  type ApprovalStep,
  CHANNELS,
  type Channel,
  type NotifyStep,
  PURPOSES,
  type Purpose,
  type Step,
} from './flow.ts';

/** The builder's form controls: a labelled field, and the settings of approvals and notifications. */

/** Role names and branch codes a task list knows, offered as candidate groups. */
const GROUPS = [
  'supervisor',
  'backoffice',
  'compliance',
  'marketing',
  'agent',
  'MDN-KC',
  'MDN-KP',
  'MDN-CC',
  'PMS-KC',
];

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (id: string, invalid: boolean) => ReactNode;
}

/** A labelled control with its hint and its problem underneath. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  return (
    <div className={`builder-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, !!error)}
      {hint && <small className="builder-hint">{hint}</small>}
      {error && (
        <small className="builder-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

/** A whole number field: empty reads as undefined, anything else as a number (validated elsewhere). */
export function numberValue(raw: string): number | undefined {
  return raw.trim() === '' ? undefined : Number(raw);
}

interface KindFieldsProps<S> {
  step: S;
  error(field: string): string | undefined;
  onChange(step: Step): void;
}

export function ApprovalFields({
  step,
  error,
  forms,
  onChange,
}: KindFieldsProps<ApprovalStep> & { forms: string[] | undefined }) {
  const { t } = useTranslation('builder');
  const listId = useId();
  const { formId: _formId, ...withoutForm } = step;
  const { dueInHours: _due, ...withoutDue } = step;
  return (
    <>
      <Field
        label={t('panel.candidateGroup')}
        error={error('candidateGroup')}
        hint={t('panel.candidateGroupHint')}
      >
        {(id, invalid) => (
          <>
            <input
              id={id}
              name="candidateGroup"
              list={listId}
              aria-invalid={invalid}
              value={step.candidateGroup}
              onChange={(e) => onChange({ ...step, candidateGroup: e.target.value.trim() })}
            />
            <datalist id={listId}>
              {GROUPS.map((group) => (
                <option key={group} value={group} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label={t('panel.formId')} error={error('formId')}>
        {(id, invalid) =>
          forms && forms.length > 0 ? (
            <select
              id={id}
              name="formId"
              aria-invalid={invalid}
              value={step.formId ?? ''}
              onChange={(e) => onChange(e.target.value ? { ...step, formId: e.target.value } : withoutForm)}
            >
              <option value="">{t('panel.noForm')}</option>
              {[...new Set([...forms, ...(step.formId ? [step.formId] : [])])].map((form) => (
                <option key={form} value={form}>
                  {form}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={id}
              name="formId"
              aria-invalid={invalid}
              placeholder={t('panel.noForm')}
              value={step.formId ?? ''}
              onChange={(e) =>
                onChange(e.target.value.trim() ? { ...step, formId: e.target.value.trim() } : withoutForm)
              }
            />
          )
        }
      </Field>
      <Field label={t('panel.dueInHours')} error={error('dueInHours')}>
        {(id, invalid) => (
          <input
            id={id}
            name="dueInHours"
            type="number"
            min={1}
            step={1}
            aria-invalid={invalid}
            value={step.dueInHours ?? ''}
            onChange={(e) => {
              const hours = numberValue(e.target.value);
              onChange(hours === undefined ? withoutDue : { ...step, dueInHours: hours });
            }}
          />
        )}
      </Field>
    </>
  );
}

export function NotifyFields({
  step,
  error,
  templates,
  onChange,
}: KindFieldsProps<NotifyStep> & { templates: TemplateChoice[] }) {
  const { t } = useTranslation('builder');
  const listId = useId();
  const forChannel = templates.filter((template) => template.channel === step.channel);
  return (
    <>
      <Field label={t('panel.channel')}>
        {(id) => (
          <select
            id={id}
            name="channel"
            value={step.channel}
            onChange={(e) => onChange({ ...step, channel: e.target.value as Channel })}
          >
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`channels.${channel}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('panel.templateKey')} error={error('templateKey')}>
        {(id, invalid) => (
          <>
            <input
              id={id}
              name="templateKey"
              list={listId}
              aria-invalid={invalid}
              value={step.templateKey}
              onChange={(e) => onChange({ ...step, templateKey: e.target.value.trim() })}
            />
            <datalist id={listId}>
              {forChannel.map((template) => (
                <option key={template.key} value={template.key}>
                  {template.description ?? template.key}
                </option>
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label={t('panel.purpose')}>
        {(id) => (
          <select
            id={id}
            name="purpose"
            value={step.purpose}
            onChange={(e) => onChange({ ...step, purpose: e.target.value as Purpose })}
          >
            {PURPOSES.map((purpose) => (
              <option key={purpose} value={purpose}>
                {t(`purposes.${purpose}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
