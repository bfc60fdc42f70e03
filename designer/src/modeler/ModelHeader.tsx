import { useTranslation } from 'react-i18next';
import { href } from '../router.ts';
import type { ModelDetail } from './api.ts';

export type ModelTab = 'editor' | 'versions' | 'requests';

/** The model's name, versions and deploy state, and the tabs of its page. */
export function ModelHeader({ model, tab, pending }: { model: ModelDetail; tab: ModelTab; pending: number }) {
  const { t } = useTranslation('modeler');
  const tabs: { key: ModelTab; label: string }[] = [
    { key: 'editor', label: t('tabs.editor') },
    { key: 'versions', label: t('tabs.versions', { count: model.versions.length }) },
    { key: 'requests', label: pending ? t('tabs.requestsPending', { count: pending }) : t('tabs.requests') },
  ];
  return (
    <header className="model-header">
      <div className="model-title">
        <a href={href('processes')} className="back">
          ← {t('repository.title')}
        </a>
        <h1>{model.name}</h1>
        <span className={`badge kind-${model.kind}`}>{t(`kinds.${model.kind}`)}</span>
        <span className="badge">{t('header.latest', { version: model.latestVersion })}</span>
        {model.deployedVersion === null ? (
          <span className="badge" data-testid="deployed-version">
            {t('repository.notDeployed')}
          </span>
        ) : (
          <span className="badge ok" data-testid="deployed-version">
            {t('header.deployed', { version: model.deployedVersion })}
          </span>
        )}
      </div>
      <nav className="model-tabs">
        {tabs.map(({ key, label }) => (
          <a
            key={key}
            href={key === 'editor' ? href('processes', model.id) : href('processes', model.id, key)}
            aria-current={tab === key ? 'page' : undefined}
          >
            {label}
          </a>
        ))}
      </nav>
    </header>
  );
}
