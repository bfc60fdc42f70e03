import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, formatDateTime } from '../format.ts';
import { updateDocument } from './api.ts';
import type { ChecklistItem } from './types.ts';

/** The documents the product requires (and extras handed in): received, verified, by whom and when. */
export function DocumentsChecklist({
  applicationId,
  documents,
  canChange,
  onChanged,
}: {
  applicationId: string;
  documents: ChecklistItem[];
  canChange: boolean;
  onChanged(): void;
}) {
  const { t, i18n } = useTranslation('onboarding');
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>();
  const stamp = (who: string | null, at: string | null) =>
    t('detail.by', { who: who ?? t('none'), at: formatDateTime(at ?? undefined, i18n.language) });

  const mark = async (kind: string, change: { received?: boolean; verified?: boolean }) => {
    setBusy(kind);
    setFailure(undefined);
    try {
      await updateDocument(applicationId, kind, change);
      onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="onb-card" aria-labelledby="onb-documents">
      <h2 id="onb-documents">{t('detail.documents')}</h2>
      <ul className="onb-checklist">
        {documents.map((d) => (
          <li
            key={d.kind}
            data-document={d.kind}
            data-received={!!d.receivedAt}
            data-verified={!!d.verifiedAt}
          >
            <span
              aria-hidden="true"
              className={d.verifiedAt ? 'onb-ok' : d.receivedAt ? 'onb-half' : 'onb-bad'}
            >
              {d.verifiedAt ? '✓' : d.receivedAt ? '◐' : '○'}
            </span>
            <div>
              <strong>{t(`document.${d.kind}`, { defaultValue: d.name })}</strong>{' '}
              <span className="muted">({d.required ? t('detail.required') : t('detail.optional')})</span>
              <div className="muted onb-small">
                {d.verifiedAt
                  ? `${t('detail.verified')}: ${stamp(d.verifiedBy, d.verifiedAt)}`
                  : d.receivedAt
                    ? `${t('detail.received')}: ${stamp(d.receivedBy, d.receivedAt)}`
                    : t('detail.notReceived')}
              </div>
              {d.note && <div className="onb-small">{d.note}</div>}
            </div>
            {canChange && !d.verifiedAt && (
              <button
                type="button"
                className="secondary onb-small-button"
                disabled={busy !== null}
                onClick={() => void mark(d.kind, d.receivedAt ? { verified: true } : { received: true })}
              >
                {d.receivedAt ? t('detail.markVerified') : t('detail.markReceived')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {failure !== undefined && (
        <p className="error" role="alert">
          {errorText(failure, t('error'))}
        </p>
      )}
    </section>
  );
}
