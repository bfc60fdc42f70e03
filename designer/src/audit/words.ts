import { useTranslation } from 'react-i18next';

/**
 * Action and object-type codes in the reader's language. The codes hold dots
 * (`customer.view`), which i18next reads as nesting, so the maps are read whole. An action
 * without words is named as another action; its code stays beside it (the table and the entry
 * show it), so the trail never hides what was recorded.
 */
export function useAuditWords() {
  const { t } = useTranslation('audit');
  const actions = t('action', { returnObjects: true }) as unknown as Record<string, string>;
  const entities = t('entityType', { returnObjects: true }) as unknown as Record<string, string>;
  return {
    actions,
    entities,
    action: (code: string) => actions[code] ?? t('otherAction'),
    entity: (code: string) => entities[code] ?? code,
  };
}
