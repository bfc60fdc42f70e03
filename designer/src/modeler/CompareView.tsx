import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href, navigate } from '../router.ts';
import { designerApi, type ModelDetail } from './api.ts';
import { ChangeList } from './ChangeList.tsx';
import { DiffPane } from './DiffPane.tsx';
import { type Change, compareDefinitions } from './diff.ts';
import { errorText } from './format.ts';
import './modeler.css';
import './diff.css';

/** Which marker each side shows: removals only exist on the old side, additions on the new. */
const LEFT: Record<Change['kind'], string | undefined> = {
  added: undefined,
  removed: 'diff-removed',
  changed: 'diff-changed',
  layout: 'diff-layout',
};
const RIGHT: Record<Change['kind'], string | undefined> = {
  ...LEFT,
  added: 'diff-added',
  removed: undefined,
};

/** Two versions side by side, with added, removed, changed and moved elements marked. */
export function CompareView({ id, from, to }: { id: string; from: number; to: number }) {
  const { t } = useTranslation('modeler');
  const [model, setModel] = useState<ModelDetail>();
  const [contents, setContents] = useState<[string, string]>();
  const [left, setLeft] = useState<NavigatedViewer | null>(null);
  const [right, setRight] = useState<NavigatedViewer | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    Promise.all([designerApi.model(id), designerApi.version(id, from), designerApi.version(id, to)]).then(
      ([detail, older, newer]) => {
        if (!live) return;
        setModel(detail);
        setContents([older.content, newer.content]);
      },
      (failure) => live && setError(errorText(failure, t)),
    );
    return () => {
      live = false;
    };
  }, [id, from, to, t]);

  const changes = useMemo(() => {
    if (!left || !right) return undefined;
    return compareDefinitions(left.getDefinitions() as object, right.getDefinitions() as object);
  }, [left, right]);

  useEffect(() => {
    if (!left || !right || !changes) return;
    mark(left, changes, LEFT);
    mark(right, changes, RIGHT);
    // Both sides show the same area of the diagram, fitted to the newer version.
    right.get<Canvas>('canvas').zoom('fit-viewport');
    left.get<Canvas>('canvas').viewbox(right.get<Canvas>('canvas').viewbox());
    return syncViewboxes(left, right);
  }, [left, right, changes]);

  const show = (change: Change) => {
    for (const viewer of [left, right]) {
      const element = viewer?.get<ElementRegistry>('elementRegistry').get(change.id);
      if (viewer && element) viewer.get<Canvas>('canvas').scrollToElement(element);
    }
  };

  if (error)
    return (
      <p className="page error" role="alert">
        {error}
      </p>
    );
  if (!model || !contents) return <p className="loading">{t('loading')}</p>;
  const versions = model.versions.map((v) => v.version);
  const pick = (side: 'from' | 'to', value: number) =>
    navigate(
      'processes',
      id,
      'compare',
      String(side === 'from' ? value : from),
      String(side === 'to' ? value : to),
    );

  return (
    <section className="model-page compare-view">
      <header className="model-header">
        <div className="model-title">
          <a href={href('processes', id, 'versions')} className="back">
            ← {t('versions.back')}
          </a>
          <h1>{t('compare.title', { name: model.name })}</h1>
          <label>
            {t('compare.from')}{' '}
            <select name="from" value={from} onChange={(e) => pick('from', Number(e.target.value))}>
              {versions.map((v) => (
                <option key={v} value={v}>
                  v{v}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('compare.to')}{' '}
            <select name="to" value={to} onChange={(e) => pick('to', Number(e.target.value))}>
              {versions.map((v) => (
                <option key={v} value={v}>
                  v{v}
                </option>
              ))}
            </select>
          </label>
        </div>
        <ul className="diff-legend" aria-label={t('compare.legend')}>
          {(['added', 'removed', 'changed', 'layout'] as const).map((kind) => (
            <li key={kind}>
              <span className={`swatch swatch-${kind}`} />
              {t(`compare.kinds.${kind}`)}
            </li>
          ))}
        </ul>
      </header>
      <div className="diff-panes">
        <DiffPane title={t('compare.older', { version: from })} xml={contents[0]} onReady={setLeft} />
        <DiffPane title={t('compare.newer', { version: to })} xml={contents[1]} onReady={setRight} />
      </div>
      <ChangeList changes={changes} onShow={show} />
    </section>
  );
}

function mark(
  viewer: NavigatedViewer,
  changes: Change[],
  markers: Record<Change['kind'], string | undefined>,
) {
  const canvas = viewer.get<Canvas>('canvas');
  const registry = viewer.get<ElementRegistry>('elementRegistry');
  for (const change of changes) {
    const marker = markers[change.kind];
    if (marker && registry.get(change.id)) canvas.addMarker(change.id, marker);
  }
}

/** Panning or zooming one side moves the other the same way, so the same place shows on both. */
function syncViewboxes(a: NavigatedViewer, b: NavigatedViewer): () => void {
  let syncing = false;
  const follow = (source: NavigatedViewer, target: NavigatedViewer) => () => {
    if (syncing) return;
    syncing = true;
    target.get<Canvas>('canvas').viewbox(source.get<Canvas>('canvas').viewbox());
    syncing = false;
  };
  const aToB = follow(a, b);
  const bToA = follow(b, a);
  a.on('canvas.viewbox.changed', aToB);
  b.on('canvas.viewbox.changed', bToA);
  return () => {
    a.off('canvas.viewbox.changed', aToB);
    b.off('canvas.viewbox.changed', bToA);
  };
}
