import { useTranslation } from 'react-i18next';
import type { Change } from './diff.ts';

/** The list of differences under the two diagrams; a click shows the element on both sides. */
export function ChangeList({
  changes,
  onShow,
}: {
  changes: Change[] | undefined;
  onShow(change: Change): void;
}) {
  const { t } = useTranslation('modeler');
  if (!changes) return <p className="muted page">{t('compare.computing')}</p>;
  return (
    <section className="change-list">
      <h2>{t('compare.changes', { count: changes.length })}</h2>
      {changes.length === 0 ? (
        <p className="muted">{t('compare.identical')}</p>
      ) : (
        <ul>
          {changes.map((change) => (
            <li key={`${change.kind}-${change.id}`} data-change={change.kind}>
              <button type="button" className="change-item" onClick={() => onShow(change)}>
                <span className={`swatch swatch-${change.kind}`} />
                <span className="change-kind">{t(`compare.kinds.${change.kind}`)}</span>
                <strong>{change.name ? `${change.name} (${change.id})` : change.id}</strong>
                <span className="muted">{change.type}</span>
                {change.attributes.length > 0 && (
                  <span className="muted small">
                    {t('compare.attributes', { list: change.attributes.join(', ') })}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
