import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { href } from '../router.ts';
import { loadLatest } from './api.ts';
import { BuilderEditor } from './BuilderEditor.tsx';
import { decompile, storedFlow } from './decompile.ts';
import { emptyFlow, type Flow } from './flow.ts';
import './builder.css';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; flow: Flow }
  | { state: 'changed'; flow: Flow }
  | { state: 'foreign' }
  | { state: 'failed'; message: string };

/**
 * `#/builder` starts a new flow; `#/builder/<model id>` opens a model the builder made, from
 * its latest version (decompiled), so an owner can change it and save the next version.
 */
export function BuilderScreen({ rest }: { rest: string[] }) {
  const modelId = rest[0];
  return <BuilderLoader key={modelId ?? ''} modelId={modelId} />;
}

function BuilderLoader({ modelId }: { modelId: string | undefined }) {
  const { t } = useTranslation('builder');
  const [loaded, setLoaded] = useState<Loaded>(
    modelId ? { state: 'loading' } : { state: 'ready', flow: emptyFlow() },
  );

  useEffect(() => {
    if (!modelId) return;
    let current = true;
    loadLatest(modelId).then(
      (xml) => {
        if (!current) return;
        const flow = decompile(xml);
        const stored = flow ? undefined : storedFlow(xml);
        setLoaded(
          flow
            ? { state: 'ready', flow }
            : stored
              ? { state: 'changed', flow: stored }
              : { state: 'foreign' },
        );
      },
      (error: unknown) =>
        current &&
        setLoaded({
          state: 'failed',
          message: error instanceof ApiError ? `${error.status} ${error.message}` : String(error),
        }),
    );
    return () => {
      current = false;
    };
  }, [modelId]);

  if (loaded.state === 'ready') return <BuilderEditor initial={loaded.flow} modelId={modelId} />;
  return (
    <div className="builder-screen">
      <h1>{t('title')}</h1>
      {loaded.state === 'loading' && <p>{t('common:loading')}</p>}
      {loaded.state === 'failed' && (
        <p className="builder-error" role="alert">
          {t('loadFailed', { message: loaded.message })}
        </p>
      )}
      {(loaded.state === 'foreign' || loaded.state === 'changed') && (
        <div className="builder-notice" role="alert">
          <p>{t(loaded.state === 'foreign' ? 'notBuilder' : 'changedInModeler', { id: modelId })}</p>
          <p className="builder-actions">
            <a className="button" href={href('processes', modelId ?? '')}>
              {t('openInModeler')}
            </a>
            {loaded.state === 'changed' && (
              <button
                type="button"
                className="secondary"
                onClick={() => setLoaded({ state: 'ready', flow: loaded.flow })}
              >
                {t('openAnyway')}
              </button>
            )}
            <a href={href('builder')}>{t('newFlow')}</a>
          </p>
        </div>
      )}
    </div>
  );
}
