import { useTranslation } from 'react-i18next';
import type { ApprovalStep, NotifyStep, Step } from './flow.ts';

/** One line under a card's name: the settings that matter at a glance. */
export function StepSummary({ step }: { step: Step }) {
  const { t } = useTranslation('builder');
  const describe = (inner: ApprovalStep | NotifyStep) =>
    inner.kind === 'approval'
      ? t('summary.approval', { group: inner.candidateGroup || '—' })
      : t('summary.notify', { template: inner.templateKey || '—', channel: t(`channels.${inner.channel}`) });
  let text: string;
  switch (step.kind) {
    case 'approval':
      text = [
        describe(step),
        step.dueInHours ? t('summary.due', { hours: step.dueInHours }) : '',
        step.formId ? t('summary.form', { form: step.formId }) : '',
      ]
        .filter(Boolean)
        .join(' · ');
      break;
    case 'notify':
      text = describe(step);
      break;
    case 'wait':
      text = t('summary.wait', { amount: step.amount, unit: t(`units.${step.unit}`) });
      break;
    case 'condition':
      text = step.condition.trim() || t('summary.emptyCondition');
      break;
    case 'escalate':
      text = t('summary.escalate', { hours: step.afterHours, action: describe(step.action) });
      break;
  }
  return (
    <div className={`builder-card-summary${step.kind === 'condition' ? ' feel' : ''}`} title={text}>
      {text}
    </div>
  );
}
