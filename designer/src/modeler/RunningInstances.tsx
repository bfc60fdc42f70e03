import { useTranslation } from 'react-i18next';
import type { RunningInstances as Running } from './api.ts';

/** Active instances per deployed definition: "v2: 3 · v1: 1" (repository version, engine version). */
export function RunningInstances({ running }: { running: Running[] }) {
  const { t } = useTranslation('modeler');
  if (running.length === 0) return <span className="muted">{t('repository.notDeployed')}</span>;
  return (
    <span className="running">
      {running.map((item) => (
        <span
          key={item.processDefinitionKey ?? `${item.version}`}
          className={item.count ? 'badge ok' : 'badge'}
          title={t('repository.instancesTitle', { engine: item.processDefinitionVersion ?? '?' })}
        >
          {t('repository.instancesOfVersion', {
            version: item.version ?? '?',
            n: item.count ?? '?',
          })}
        </span>
      ))}
    </span>
  );
}
