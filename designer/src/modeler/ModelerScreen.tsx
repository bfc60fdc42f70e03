import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { RepositoryPage } from './RepositoryPage.tsx';

// The editors load bpmn-js, dmn-js and form-js: only when a model is opened.
const ModelPage = lazy(() => import('./ModelPage.tsx').then((m) => ({ default: m.ModelPage })));
const VersionView = lazy(() => import('./VersionView.tsx').then((m) => ({ default: m.VersionView })));
const CompareView = lazy(() => import('./CompareView.tsx').then((m) => ({ default: m.CompareView })));

/**
 * The process repository and modeler under `#/processes`: the list; `<id>` edits the latest
 * version; `<id>/v/<n>` shows one version read-only; `<id>/compare/<a>/<b>` compares two.
 */
export function ModelerScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation('modeler');
  const [id, action, first, second] = rest;
  let page = <RepositoryPage />;
  if (id && action === 'v' && first)
    page = <VersionView key={`${id}/${first}`} id={id} version={Number(first)} />;
  else if (id && action === 'compare' && first && second)
    page = <CompareView key={`${id}/${first}/${second}`} id={id} from={Number(first)} to={Number(second)} />;
  else if (id) page = <ModelPage key={id} id={id} tab={action} />;
  return <Suspense fallback={<p className="loading">{t('loading')}</p>}>{page}</Suspense>;
}
