import { type ChangeEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href, navigate } from '../router.ts';
import { type DeployRequest, designerApi, type ModelListItem } from './api.ts';
import { kindOfFile } from './blank-models.ts';
import { DeployRequests } from './DeployRequests.tsx';
import { putDraft } from './drafts.ts';
import { errorText, formatTime } from './format.ts';
import { NewModelForm } from './NewModelForm.tsx';
import { useModelerPermissions } from './permissions.ts';
import { RunningInstances } from './RunningInstances.tsx';
import './modeler.css';

/** Every model of the repository with its versions and running instances, and the pending deploys. */
export function RepositoryPage() {
  const { t, i18n } = useTranslation('modeler');
  const { canDesign } = useModelerPermissions();
  const [models, setModels] = useState<ModelListItem[]>();
  const [pending, setPending] = useState<DeployRequest[]>([]);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    try {
      const [all, waiting] = await Promise.all([designerApi.models(), designerApi.requests('pending')]);
      setModels(all);
      setPending(waiting);
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }, [t]);
  useEffect(() => void load(), [load]);

  const openFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const kind = kindOfFile(file.name);
    if (!kind) {
      setError(t('repository.unknownFile', { name: file.name }));
      return;
    }
    const content = await file.text();
    const name = file.name.replace(/\.(bpmn|dmn|form)$/i, '');
    const existing = models?.find((model) => model.id === name || model.name === name);
    if (existing) {
      putDraft(existing.id, content, file.name);
      navigate('processes', existing.id);
      return;
    }
    try {
      const created = await designerApi.create({
        name,
        kind,
        content,
        comment: t('repository.openedFrom', { name: file.name }),
      });
      navigate('processes', created.id);
    } catch (failure) {
      setError(errorText(failure, t));
    }
  };

  return (
    <section className="page modeler-repository">
      <div className="page-head">
        <h1>{t('repository.title')}</h1>
        {canDesign && (
          <div className="actions">
            <button type="button" onClick={() => setCreating(true)} disabled={creating}>
              {t('repository.new')}
            </button>
            <label className="button secondary">
              {t('repository.openFile')}
              <input
                type="file"
                name="open-file"
                accept=".bpmn,.dmn,.form"
                hidden
                onChange={(event) => void openFile(event)}
              />
            </label>
          </div>
        )}
      </div>
      {creating && <NewModelForm onClose={() => setCreating(false)} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {models === undefined ? (
        <p className="muted">{t('loading')}</p>
      ) : models.length === 0 ? (
        <p className="muted">{t('repository.empty')}</p>
      ) : (
        <table className="models">
          <thead>
            <tr>
              <th>{t('repository.name')}</th>
              <th>{t('repository.kind')}</th>
              <th>{t('repository.latest')}</th>
              <th>{t('repository.deployed')}</th>
              <th>{t('repository.running')}</th>
              <th>{t('repository.pending')}</th>
              <th>{t('repository.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {models.map((model) => {
              const waiting = pending.filter((r) => r.modelId === model.id).length;
              return (
                <tr key={model.id} data-model={model.id}>
                  <td>
                    <a href={href('processes', model.id)}>{model.name}</a>
                    <div className="muted small">{model.resourceId}</div>
                  </td>
                  <td>
                    <span className={`badge kind-${model.kind}`}>{t(`kinds.${model.kind}`)}</span>
                  </td>
                  <td>v{model.latestVersion}</td>
                  <td>
                    {model.deployedVersion === null ? (
                      <span className="muted">{t('repository.notDeployed')}</span>
                    ) : (
                      <span className="badge ok">v{model.deployedVersion}</span>
                    )}
                  </td>
                  <td>
                    {model.kind === 'bpmn' ? (
                      <RunningInstances running={model.runningInstances ?? []} />
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>{waiting > 0 ? <span className="badge warn">{waiting}</span> : '—'}</td>
                  <td>
                    {formatTime(model.updatedAt, i18n.language)}
                    <div className="muted small">{model.updatedBy}</div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h2>{t('governance.pendingTitle')}</h2>
      <DeployRequests requests={pending} models={models ?? []} onChanged={() => void load()} />
    </section>
  );
}
