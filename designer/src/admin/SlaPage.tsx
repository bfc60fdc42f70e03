import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format.ts';
import { useLoad } from '../use-load.ts';
import { listPolicies } from './api.ts';
import { AdminPage, ListState } from './parts.tsx';
import { SlaDialog } from './SlaDialog.tsx';
import type { SlaPolicy } from './types.ts';

/** SLA policies: how long a routed complaint may stay open. */
export function SlaPage() {
  const { t, i18n } = useTranslation('admin');
  const policies = useLoad(listPolicies, 'sla-policies');
  const [open, setOpen] = useState<{ policy: SlaPolicy | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <AdminPage
      id="sla"
      title={t('sla.title')}
      intro={t('sla.intro')}
      notice={notice}
      action={
        <button type="button" onClick={() => setOpen({ policy: null })}>
          {t('sla.new')}
        </button>
      }
    >
      <ListState list={policies} emptyText={t('sla.empty')}>
        <table className="ad-table" data-table="sla">
          <thead>
            <tr>
              <th>{t('sla.code')}</th>
              <th>{t('sla.name')}</th>
              <th>{t('sla.duration')}</th>
              <th>
                <span className="sr-only">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {policies.data?.map((policy) => (
              <tr key={policy.code} data-policy={policy.code}>
                <td>
                  <code>{policy.code}</code>
                </td>
                <td>{policy.name}</td>
                <td>
                  {formatNumber(policy.amount, i18n.language)} {t(`sla.units.${policy.unit}`).toLowerCase()}
                </td>
                <td className="ad-row-actions">
                  <button type="button" className="link" onClick={() => setOpen({ policy })}>
                    {t('edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListState>
      {open && (
        <SlaDialog
          policy={open.policy}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            setOpen(null);
            setNotice(t(open.policy ? 'sla.saved' : 'sla.created_', { code: saved.code }));
            void policies.reload();
          }}
        />
      )}
    </AdminPage>
  );
}
