import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format.ts';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { listCases } from './api.ts';
import { CaseTable } from './CaseTable.tsx';
import { ReassignDialog } from './ReassignDialog.tsx';
import type { CaseItem } from './types.ts';

/** Supervisors: open escalated cases, highest level and earliest SLA first, each reassignable. */
export function EscalationsPage() {
  const { t } = useTranslation('cases');
  const { me } = useSession();
  const [onlyMine, setOnlyMine] = useState(false);
  const [reassigning, setReassigning] = useState<CaseItem | null>(null);
  const params = new URLSearchParams({
    escalated: 'true',
    open: 'true',
    sort: '-escalationLevel,slaDueAt',
    limit: '100',
  });
  if (onlyMine && me) params.set('escalatedTo', me.username);
  const query = params.toString();
  const cases = useLoad(() => listCases(query), query, 15_000);
  return (
    <section className="page cs-page" aria-labelledby="cs-escalations-title">
      <header className="cs-header">
        <h1 id="cs-escalations-title">{t('escalations.title')}</h1>
        <button type="button" className="secondary" onClick={() => void cases.reload()}>
          {t('refresh')}
        </button>
      </header>
      <p className="muted">{t('escalations.intro')}</p>
      <label className="cs-inline">
        <input
          type="checkbox"
          name="onlyMine"
          checked={onlyMine}
          onChange={(e) => setOnlyMine(e.target.checked)}
        />
        {t('escalations.onlyMine')}
      </label>
      {cases.error !== undefined && (
        <p className="error" role="alert">
          {errorText(cases.error, t('error'))}
        </p>
      )}
      {cases.loading && !cases.data && <p className="muted">{t('loading')}</p>}
      {cases.data && cases.data.items.length === 0 && <p className="empty-note">{t('escalations.empty')}</p>}
      {cases.data && cases.data.items.length > 0 && (
        <CaseTable
          items={cases.data.items}
          extra={{
            label: t('col.actions'),
            cell: (item) => (
              <button
                type="button"
                className="secondary"
                onClick={() => setReassigning(item)}
                data-action="reassign"
              >
                {t('actions.reassign')}
              </button>
            ),
          }}
        />
      )}
      {reassigning && (
        <ReassignDialog
          c={reassigning}
          onClose={() => setReassigning(null)}
          onDone={() => void cases.reload()}
        />
      )}
    </section>
  );
}
