import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { href, navigate } from '../router.ts';
import { formIds, templates as loadTemplates, saveModel, type TemplateChoice } from './api.ts';
import { compile } from './compile.ts';
import { FlowCanvas } from './FlowCanvas.tsx';
import { Field } from './fields.tsx';
import {
  allSteps,
  deleteStep,
  type Flow,
  findStep,
  insertStep,
  keepDefaultName,
  newStep,
  type Place,
  replaceStep,
  type Step,
  type StepKind,
} from './flow.ts';
import { lintToFlowProblems, useServerLint } from './lint.ts';
import { Preview } from './Preview.tsx';
import { StepPanel } from './StepPanel.tsx';
import { validateFlow } from './validate.ts';

type Notice =
  | { kind: 'saved'; id: string; version: number }
  | { kind: 'unchanged' }
  | { kind: 'exists'; id: string }
  | { kind: 'failed'; message: string };

/** Survives the reload that follows creating a model (the screen reopens it from the server). */
let flash: { modelId: string; notice: Notice } | undefined;

interface EditorProps {
  initial: Flow;
  /** The repository model this flow is saved to; undefined until the first save. */
  modelId: string | undefined;
}

/** The builder itself: the process's name and id, the canvas, the step's settings, the preview. */
export function BuilderEditor({ initial, modelId }: EditorProps) {
  const { t } = useTranslation('builder');
  const [flow, setFlow] = useState(initial);
  const [selected, setSelected] = useState<string | undefined>();
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>(() => {
    const shown = flash && flash.modelId === modelId ? flash.notice : undefined;
    flash = undefined;
    return shown;
  });
  const [forms, setForms] = useState<string[] | undefined>();
  const [templates, setTemplates] = useState<TemplateChoice[]>([]);

  useEffect(() => {
    void formIds().then(setForms);
    void loadTemplates().then(setTemplates);
  }, []);

  const own = useMemo(() => validateFlow(flow, forms && forms.length > 0 ? { forms } : {}), [flow, forms]);
  const xml = useMemo(() => compile(flow), [flow]);
  const lint = useServerLint(xml, own.length === 0);
  const problems = useMemo(() => [...own, ...lintToFlowProblems(flow, lint)], [own, flow, lint]);
  const counts = useMemo(() => {
    // An escalation's action is edited on its escalation's card: count its problems there.
    const owner = new Map<string, string>();
    for (const step of allSteps(flow.steps)) if (step.kind === 'escalate') owner.set(step.action.id, step.id);
    const map = new Map<string, number>();
    for (const problem of problems) {
      if (!problem.stepId) continue;
      const id = owner.get(problem.stepId) ?? problem.stepId;
      map.set(id, (map.get(id) ?? 0) + 1);
    }
    return map;
  }, [flow, problems]);
  const step = selected ? findStep(flow, selected) : undefined;
  const processError = (field: string) => {
    const problem = problems.find((p) => !p.stepId && p.field === field);
    return problem ? t(`problems.${problem.code}`, { detail: problem.detail }) : undefined;
  };

  const onInsert = useCallback(
    (place: Place, kind: StepKind) => {
      const added = newStep(kind, flow);
      setFlow(insertStep(flow, place, added));
      setSelected(added.id);
      setNotice(undefined);
    },
    [flow],
  );
  const onDelete = useCallback((id: string) => {
    setFlow((current) => deleteStep(current, id));
    setSelected((current) => (current === id ? undefined : current));
    setNotice(undefined);
  }, []);
  const onChange = (changed: Step) => {
    setFlow((current) =>
      replaceStep(current, changed.id, keepDefaultName(findStep(current, changed.id), changed)),
    );
    setNotice(undefined);
  };

  const save = async () => {
    setSaving(true);
    try {
      const outcome = await saveModel(modelId, flow.id, xml, comment.trim() || t('defaultComment'));
      if (outcome.kind === 'created') {
        flash = { modelId: outcome.id, notice: { kind: 'saved', id: outcome.id, version: outcome.version } };
        navigate('builder', outcome.id);
        return;
      }
      setNotice(
        outcome.kind === 'version'
          ? { kind: 'saved', id: outcome.id, version: outcome.version }
          : outcome.kind === 'unchanged'
            ? { kind: 'unchanged' }
            : { kind: 'exists', id: outcome.id },
      );
      if (outcome.kind === 'version') setComment('');
    } catch (error) {
      setNotice({ kind: 'failed', message: error instanceof ApiError ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="builder-screen">
      <header className="builder-header">
        <div className="builder-title">
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        <div className="builder-bar">
          <Field label={t('process.name')} error={processError('name')}>
            {(id, invalid) => (
              <input
                id={id}
                name="processName"
                aria-invalid={invalid}
                placeholder={t('process.namePlaceholder')}
                value={flow.name}
                onChange={(e) => setFlow({ ...flow, name: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('process.id')} error={processError('id')}>
            {(id, invalid) => (
              <input
                id={id}
                name="processId"
                aria-invalid={invalid}
                placeholder={t('process.idPlaceholder')}
                value={flow.id}
                readOnly={!!modelId}
                onChange={(e) => setFlow({ ...flow, id: e.target.value.trim() })}
              />
            )}
          </Field>
          <Field label={t('comment')}>
            {(id) => (
              <input
                id={id}
                name="comment"
                placeholder={t('commentPlaceholder')}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            )}
          </Field>
          <div className="builder-actions">
            <button
              type="button"
              name="save"
              disabled={saving || problems.length > 0}
              onClick={() => void save()}
            >
              {saving ? t('saving') : t('save')}
            </button>
            <button
              type="button"
              name="openInModeler"
              className="secondary"
              disabled={!modelId}
              onClick={() => modelId && navigate('processes', modelId)}
            >
              {t('openInModeler')}
            </button>
            <a href={href('builder')}>{t('newFlow')}</a>
          </div>
        </div>
      </header>
      <div className="builder-status" aria-live="polite">
        {problems.length > 0 && (
          <span className="builder-error">{t('problems.count', { count: problems.length })}</span>
        )}
        {processError('steps') && <span className="builder-error"> {processError('steps')}</span>}
        {notice?.kind === 'saved' && (
          <span className="builder-ok">{t('saved', { id: notice.id, version: notice.version })}</span>
        )}
        {notice?.kind === 'unchanged' && <span className="muted">{t('unchanged')}</span>}
        {notice?.kind === 'exists' && (
          <span className="builder-error">
            {t('exists', { id: notice.id })} <a href={href('builder', notice.id)}>{t('openExisting')}</a>
          </span>
        )}
        {notice?.kind === 'failed' && (
          <span className="builder-error" role="alert">
            {notice.message}
          </span>
        )}
      </div>
      <div className="builder-main">
        <div className="builder-canvas">
          <FlowCanvas
            steps={flow.steps}
            selected={selected}
            problems={counts}
            onSelect={setSelected}
            onInsert={onInsert}
            onDelete={onDelete}
          />
        </div>
        <aside className="builder-panel" aria-label={t('panel.title')}>
          <h2>{t('panel.title')}</h2>
          {step ? (
            <StepPanel
              step={step}
              problems={problems}
              forms={forms}
              templates={templates}
              onChange={onChange}
            />
          ) : (
            <p className="muted">{t('panel.nothing')}</p>
          )}
        </aside>
      </div>
      <Preview xml={xml} />
    </div>
  );
}
