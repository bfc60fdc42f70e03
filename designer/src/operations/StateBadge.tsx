import { useTranslation } from 'react-i18next';

const TONE: Record<string, string> = {
  ACTIVE: 'ok',
  COMPLETED: '',
  TERMINATED: 'warn',
  RESOLVED: '',
  PENDING: 'warn',
};

/** An instance's, element's or incident's state in words, coloured by what it asks of a person. */
export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation('operations');
  return (
    <span className={`badge ${TONE[state] ?? 'danger'}`} data-state={state}>
      {t(`state.${state}`, { defaultValue: state })}
    </span>
  );
}
