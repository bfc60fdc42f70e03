import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, formatDateTime } from '../format.ts';
import { useLoad } from '../use-load.ts';
import { consents } from './api.ts';
import { ConsentDialog } from './ConsentDialog.tsx';
import { type ConsentCell, consentMatrix } from './consent-matrix.ts';

const BADGE = { granted: 'ok', withdrawn: 'danger', none: '' } as const;

/** Consents per channel and purpose, each changeable (customers.write), and their history (UU PDP). */
export function ConsentsPanel({
  customerId,
  canChange,
  onChanged,
}: {
  customerId: string;
  canChange: boolean;
  /** A change is also a timeline entry: the page refreshes what shows it. */
  onChanged(): void;
}) {
  const { t, i18n } = useTranslation('customers');
  const loaded = useLoad(() => consents(customerId), customerId);
  const [changing, setChanging] = useState<ConsentCell | null>(null);
  const [saved, setSaved] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const label = (kind: 'channel' | 'purpose', value: string) =>
    t(`${kind}.${value}`, { defaultValue: value });

  const body = () => {
    if (loaded.error !== undefined && !loaded.data)
      return (
        <p className="error" role="alert">
          {errorText(loaded.error, t('error'))}
        </p>
      );
    if (!loaded.data) return <p className="muted">{t('loading')}</p>;
    const { purposes, rows } = consentMatrix(loaded.data.current);
    const history = loaded.data.history;
    return (
      <>
        <table className="cu-consents">
          <thead>
            <tr>
              <th>{t('consents.channel')}</th>
              {purposes.map((purpose) => (
                <th key={purpose}>{label('purpose', purpose)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row[0]?.channel}>
                <th scope="row">{label('channel', row[0]?.channel ?? '')}</th>
                {row.map((cell) => (
                  <td
                    key={cell.purpose}
                    data-consent={`${cell.channel}/${cell.purpose}`}
                    data-state={cell.state}
                  >
                    <span
                      className={`badge ${BADGE[cell.state]}`}
                      title={cell.updatedAt ? formatDateTime(cell.updatedAt, i18n.language) : undefined}
                    >
                      {t(`consents.${cell.state}`)}
                    </span>
                    {canChange && (
                      <button
                        type="button"
                        className="link cu-consent-action"
                        aria-label={`${t(cell.state === 'granted' ? 'consents.withdraw' : 'consents.grant')}: ${label('channel', cell.channel)} – ${label('purpose', cell.purpose)}`}
                        onClick={() => {
                          setSaved(false);
                          setChanging(cell);
                        }}
                      >
                        {t(cell.state === 'granted' ? 'consents.withdraw' : 'consents.grant')}
                      </button>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {!canChange && <p className="muted">{t('consents.readOnly')}</p>}
        {saved && (
          <p className="cu-notice" role="status">
            {t('consents.saved')}
          </p>
        )}
        <button
          type="button"
          className="link cu-toggle"
          aria-expanded={showHistory}
          onClick={() => setShowHistory(!showHistory)}
        >
          {showHistory ? t('consents.hideHistory') : t('consents.showHistory', { count: history.length })}
        </button>
        {showHistory &&
          (history.length === 0 ? (
            <p className="empty-note">{t('consents.historyEmpty')}</p>
          ) : (
            <table className="cu-consent-history" aria-label={t('consents.history')}>
              <thead>
                <tr>
                  <th>{t('consents.at')}</th>
                  <th>{t('consents.channel')}</th>
                  <th>{t('consents.purpose')}</th>
                  <th>{t('consents.decision')}</th>
                  <th>{t('consents.source')}</th>
                  <th>{t('consents.recordedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((record, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: records have no id; the list only grows at the top
                  <tr key={`${record.recordedAt}/${index}`}>
                    <td>{formatDateTime(record.recordedAt, i18n.language)}</td>
                    <td>{label('channel', record.channel)}</td>
                    <td>{label('purpose', record.purpose)}</td>
                    <td>
                      <span className={`badge ${record.granted ? 'ok' : 'danger'}`}>
                        {t(record.granted ? 'consents.granted' : 'consents.withdrawn')}
                      </span>
                    </td>
                    <td>{t(`source.${record.source}`, { defaultValue: record.source })}</td>
                    <td>{record.recordedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </>
    );
  };

  return (
    <section className="cu-card" aria-labelledby="cu-consents">
      <h2 id="cu-consents">{t('consents.title')}</h2>
      {body()}
      {changing && (
        <ConsentDialog
          customerId={customerId}
          cell={changing}
          onClose={() => setChanging(null)}
          onSaved={() => {
            setSaved(true);
            void loaded.reload();
            onChanged();
          }}
        />
      )}
    </section>
  );
}
