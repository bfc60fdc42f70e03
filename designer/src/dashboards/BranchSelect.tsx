import { useTranslation } from 'react-i18next';
import { useLoad } from '../use-load.ts';
import { fetchBranches } from './reports.ts';

/**
 * Narrows the case reports to one branch. Hidden when the reader has only one (a branch
 * supervisor sees their own branch anyway) or the list cannot be read (the period still works).
 */
export function BranchSelect({ value, onChange }: { value: string; onChange(branch: string): void }) {
  const { t } = useTranslation('dashboards');
  const branches = useLoad(fetchBranches, 'report-branches');
  const items = branches.data?.items ?? [];
  if (items.length <= 1) return null;
  return (
    <label className="db-branch">
      {t('period.branch')}
      <select name="branch" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('period.allBranches')}</option>
        {items.map((b) => (
          <option key={b.code} value={b.code}>
            {b.name}
          </option>
        ))}
      </select>
    </label>
  );
}
