import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href } from '../router.ts';
import { designerApi, type ModelDetail, type VersionContent } from './api.ts';
import { download, EXTENSIONS } from './blank-models.ts';
import { errorText, formatTime } from './format.ts';
import { ReadOnlyModel } from './ReadOnlyModel.tsx';
import './modeler.css';

/** One saved version, read-only, with who saved it, when and why. */
export function VersionView({ id, version }: { id: string; version: number }) {
  const { t, i18n } = useTranslation('modeler');
  const [model, setModel] = useState<ModelDetail>();
  const [saved, setSaved] = useState<VersionContent>();
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    Promise.all([designerApi.model(id), designerApi.version(id, version)]).then(
      ([detail, content]) => {
        if (!live) return;
        setModel(detail);
        setSaved(content);
      },
      (failure) => live && setError(errorText(failure, t)),
    );
    return () => {
      live = false;
    };
  }, [id, version, t]);

  if (error)
    return (
      <p className="page error" role="alert">
        {error}
      </p>
    );
  if (!model || !saved) return <p className="loading">{t('loading')}</p>;
  const deployed = model.versions.find((v) => v.version === version)?.deployed;
  return (
    <section className="model-page version-view">
      <header className="model-header">
        <div className="model-title">
          <a href={href('processes', id, 'versions')} className="back">
            ← {t('versions.back')}
          </a>
          <h1>{t('versions.title', { name: model.name, version })}</h1>
          <span className="badge">{t('versions.readOnly')}</span>
          {deployed && <span className="badge ok">{t('versions.deployed')}</span>}
        </div>
        <div className="toolbar">
          <span>
            {t('versions.savedBy', { who: saved.author, when: formatTime(saved.createdAt, i18n.language) })}
          </span>
          {saved.comment && <span className="muted">“{saved.comment}”</span>}
          <button
            type="button"
            className="secondary"
            onClick={() => download(`${model.name}-v${version}${EXTENSIONS[model.kind]}`, saved.content)}
          >
            {t('toolbar.download')}
          </button>
        </div>
      </header>
      <ReadOnlyModel kind={model.kind} content={saved.content} />
    </section>
  );
}
