import type BpmnModeler from 'bpmn-js/lib/Modeler';
import type Canvas from 'diagram-js/lib/core/Canvas';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DeployRequest, designerApi, type ModelDetail } from './api.ts';
import { BpmnEditor } from './BpmnEditor.tsx';
import { download, EXTENSIONS, kindOfFile } from './blank-models.ts';
import { DeployRequests } from './DeployRequests.tsx';
import { takeDraft } from './drafts.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import { errorText } from './format.ts';
import { LintPanel } from './LintPanel.tsx';
import { ModelHeader, type ModelTab } from './ModelHeader.tsx';
import { useModelerPermissions } from './permissions.ts';
import { useLint } from './use-lint.ts';
import { VersionsPanel } from './VersionsPanel.tsx';
import './modeler.css';

const DmnEditor = lazy(() => import('./DmnEditor.tsx').then((m) => ({ default: m.DmnEditor })));
const ReadOnlyModel = lazy(() => import('./ReadOnlyModel.tsx').then((m) => ({ default: m.ReadOnlyModel })));
const FormEditor = lazy(() => import('./FormEditor.tsx').then((m) => ({ default: m.FormEditor })));

/** One model: its editor (latest version), its versions and its deploy requests. */
export function ModelPage({ id, tab: route }: { id: string; tab: string | undefined }) {
  const { t } = useTranslation('modeler');
  const { canDesign } = useModelerPermissions();
  const tab: ModelTab = route === 'versions' || route === 'requests' ? route : 'editor';
  const [model, setModel] = useState<ModelDetail>();
  const [requests, setRequests] = useState<DeployRequest[]>([]);
  // What the editor imports (a version, or a file opened from disk); edits do not re-import.
  const [source, setSource] = useState<{ content: string; note?: string }>();
  const [current, setCurrent] = useState<string>();
  const [dirty, setDirty] = useState(false);
  const [templates, setTemplates] = useState<unknown[]>();
  const [modeler, setModeler] = useState<BpmnModeler | null>(null);
  const [editorShown, setEditorShown] = useState(tab === 'editor');
  const [error, setError] = useState('');
  const lint = useLint(current, model?.kind === 'bpmn' && canDesign);

  const reload = useCallback(async () => {
    const [detail, ...lists] = await Promise.all([
      designerApi.model(id),
      designerApi.requests('pending'),
      designerApi.requests('deployed'),
      designerApi.requests('rejected'),
    ]);
    setModel(detail);
    setRequests(
      lists
        .flat()
        .filter((r) => r.modelId === id)
        .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt)),
    );
    return detail;
  }, [id]);

  useEffect(() => {
    let live = true;
    reload()
      .then(async (detail) => {
        const latest = await designerApi.version(id, detail.latestVersion);
        if (!live) return;
        const draft = takeDraft(id);
        const content = draft?.content ?? latest.content;
        setSource(draft ? { content, note: t('editor.fromFile', { name: draft.fileName }) } : { content });
        setCurrent(content);
        setDirty(!!draft);
      })
      .catch((failure) => live && setError(errorText(failure, t)));
    designerApi.elementTemplates().then(
      (list) => live && setTemplates(list),
      () => live && setTemplates([]),
    );
    return () => {
      live = false;
    };
  }, [id, reload, t]);

  useEffect(() => {
    if (tab !== 'editor') return;
    setEditorShown(true);
    // The canvas was hidden (display: none) while another tab showed: measure it again.
    modeler?.get<Canvas>('canvas').resized();
  }, [tab, modeler]);

  const changed = useCallback((content: string) => {
    setCurrent(content);
    setDirty(true);
  }, []);

  const openFile = async (file: File) => {
    if (kindOfFile(file.name) !== model?.kind) {
      setError(t('editor.wrongKind', { name: file.name, kind: t(`kinds.${model?.kind}`) }));
      return;
    }
    const content = await file.text();
    setError('');
    setSource({ content, note: t('editor.fromFile', { name: file.name }) });
    setCurrent(content);
    setDirty(true);
  };

  if (error && !model)
    return (
      <p className="page error" role="alert">
        {error}
      </p>
    );
  if (!model || source === undefined) return <p className="loading">{t('loading')}</p>;
  const pending = requests.filter((r) => r.state === 'pending').length;
  const errors = lint.problems.filter((p) => p.category === 'error').length;

  return (
    <section className="model-page">
      <ModelHeader model={model} tab={tab} pending={pending} />
      {error && (
        <p className="error page-error" role="alert">
          {error}
        </p>
      )}
      <div className={`editor-area kind-${model.kind}`} hidden={tab !== 'editor'}>
        {!canDesign ? (
          <>
            <p className="muted read-only-note">{t('editor.readOnly')}</p>
            <Suspense fallback={<p className="loading">{t('loading')}</p>}>
              <ReadOnlyModel kind={model.kind} content={source.content} />
            </Suspense>
          </>
        ) : (
          editorShown && (
            <>
              <EditorToolbar
                model={model}
                content={current}
                dirty={dirty}
                errors={errors}
                checking={lint.checking}
                onSaved={() => {
                  setDirty(false);
                  void reload();
                }}
                onRequested={() => void reload()}
                onDownload={() => current && download(`${model.name}${EXTENSIONS[model.kind]}`, current)}
                onOpenFile={(file) => void openFile(file)}
              />
              {source.note && <p className="muted small draft-note">{source.note}</p>}
              <Suspense fallback={<p className="loading">{t('loading')}</p>}>
                {model.kind === 'bpmn' && (
                  <>
                    <BpmnEditor
                      xml={source.content}
                      templates={templates}
                      onChange={changed}
                      onReady={setModeler}
                    />
                    <LintPanel lint={lint} modeler={modeler} />
                  </>
                )}
                {model.kind === 'dmn' && <DmnEditor xml={source.content} onChange={changed} />}
                {model.kind === 'form' && <FormEditor json={source.content} onChange={changed} />}
              </Suspense>
            </>
          )
        )}
      </div>
      {tab === 'versions' && (
        <div className="page">
          <VersionsPanel model={model} requests={requests} />
        </div>
      )}
      {tab === 'requests' && (
        <div className="page">
          <DeployRequests requests={requests} models={[model]} onChanged={() => void reload()} />
        </div>
      )}
    </section>
  );
}
