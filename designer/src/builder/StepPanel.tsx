import { useTranslation } from 'react-i18next';
import type { TemplateChoice } from './api.ts';
import { ApprovalFields, Field, NotifyFields, numberValue } from './fields.tsx';
import { type ApprovalStep, type NotifyStep, type Step, WAIT_UNITS, type WaitUnit } from './flow.ts';
import type { FlowProblem } from './validate.ts';

interface PanelProps {
  step: Step;
  problems: FlowProblem[];
  forms: string[] | undefined;
  templates: TemplateChoice[];
  onChange(step: Step): void;
}

/** The selected step's settings, with each field's problem under it. */
export function StepPanel({ step, problems, forms, templates, onChange }: PanelProps) {
  const { t } = useTranslation('builder');
  const errorOf = (stepId: string, field: string) => {
    const problem = problems.find((p) => p.stepId === stepId && p.field === field);
    return problem ? t(`problems.${problem.code}`, { detail: problem.detail }) : undefined;
  };
  const error = (field: string) => errorOf(step.id, field);
  const set = (patch: Partial<Step>) => onChange({ ...step, ...patch } as Step);
  return (
    <div className="builder-panel-body" data-kind={step.kind}>
      <h3>{t(`kinds.${step.kind}`)}</h3>
      {error('kind') && (
        <p className="builder-error" role="alert">
          {error('kind')}
        </p>
      )}
      <Field label={t('panel.name')} error={error('name')}>
        {(id, invalid) => (
          <input
            id={id}
            name="name"
            aria-invalid={invalid}
            value={step.name}
            onChange={(e) => set({ name: e.target.value })}
          />
        )}
      </Field>
      {step.kind === 'approval' && (
        <ApprovalFields step={step} error={error} forms={forms} onChange={onChange} />
      )}
      {step.kind === 'notify' && (
        <NotifyFields step={step} error={error} templates={templates} onChange={onChange} />
      )}
      {step.kind === 'wait' && (
        <div className="builder-row">
          <Field label={t('panel.amount')} error={error('amount')}>
            {(id, invalid) => (
              <input
                id={id}
                name="amount"
                type="number"
                min={1}
                step={1}
                aria-invalid={invalid}
                value={Number.isFinite(step.amount) ? step.amount : ''}
                onChange={(e) => set({ amount: numberValue(e.target.value) ?? 0 })}
              />
            )}
          </Field>
          <Field label={t('panel.unit')}>
            {(id) => (
              <select
                id={id}
                name="unit"
                value={step.unit}
                onChange={(e) => set({ unit: e.target.value as WaitUnit })}
              >
                {WAIT_UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {t(`units.${unit}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
      {step.kind === 'condition' && (
        <>
          <Field label={t('panel.condition')} error={error('condition')} hint={t('panel.conditionHint')}>
            {(id, invalid) => (
              <input
                id={id}
                name="condition"
                className="feel"
                placeholder="amount > 10000000"
                aria-invalid={invalid}
                value={step.condition}
                onChange={(e) => set({ condition: e.target.value })}
              />
            )}
          </Field>
          {error('branches') && (
            <p className="builder-error" role="alert">
              {error('branches')}
            </p>
          )}
        </>
      )}
      {step.kind === 'escalate' && (
        <>
          <p className="builder-hint">{t('panel.escalateHint')}</p>
          <Field label={t('panel.afterHours')} error={error('afterHours')}>
            {(id, invalid) => (
              <input
                id={id}
                name="afterHours"
                type="number"
                min={1}
                step={1}
                aria-invalid={invalid}
                value={Number.isFinite(step.afterHours) ? step.afterHours : ''}
                onChange={(e) => set({ afterHours: numberValue(e.target.value) ?? 0 })}
              />
            )}
          </Field>
          <Field label={t('panel.action')}>
            {(id) => (
              <select
                id={id}
                name="action"
                value={step.action.kind}
                onChange={(e) => {
                  const base = { id: step.action.id, name: step.action.name };
                  onChange({
                    ...step,
                    action:
                      e.target.value === 'approval'
                        ? { ...base, kind: 'approval', candidateGroup: 'supervisor' }
                        : {
                            ...base,
                            kind: 'notify',
                            templateKey: 'case.resolved',
                            channel: 'email',
                            purpose: 'service',
                          },
                  });
                }}
              >
                <option value="approval">{t('kinds.approval')}</option>
                <option value="notify">{t('kinds.notify')}</option>
              </select>
            )}
          </Field>
          <fieldset className="builder-action">
            <legend>{t('panel.actionTitle')}</legend>
            {errorOf(step.action.id, 'kind') && (
              <p className="builder-error" role="alert">
                {errorOf(step.action.id, 'kind')}
              </p>
            )}
            <Field label={t('panel.name')} error={errorOf(step.action.id, 'name')}>
              {(id, invalid) => (
                <input
                  id={id}
                  name="action.name"
                  aria-invalid={invalid}
                  value={step.action.name}
                  onChange={(e) => onChange({ ...step, action: { ...step.action, name: e.target.value } })}
                />
              )}
            </Field>
            {step.action.kind === 'approval' ? (
              <ApprovalFields
                step={step.action}
                error={(field) => errorOf(step.action.id, field)}
                forms={forms}
                onChange={(action) => onChange({ ...step, action: action as ApprovalStep })}
              />
            ) : (
              <NotifyFields
                step={step.action}
                error={(field) => errorOf(step.action.id, field)}
                templates={templates}
                onChange={(action) => onChange({ ...step, action: action as NotifyStep })}
              />
            )}
          </fieldset>
        </>
      )}
    </div>
  );
}
