import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pager } from '../components/Pager.tsx';
import { errorText, formatDateTime } from '../format.ts';
import { href } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { allDefinitions, searchInstances } from './api.ts';
import { InstanceFiltersForm } from './InstanceFiltersForm.tsx';
import { type InstanceFilters, NO_FILTERS, toSearchFilter } from './instance-filters.ts';
import { StartInstanceDialog } from './StartInstanceDialog.tsx';
import { StateBadge } from './StateBadge.tsx';

const PAGE_SIZE = 20;
type Order = 'ASC' | 'DESC';
const SORTABLE = [
  ['processInstanceKey', 'instances.key'],
  ['processDefinitionId', 'instances.process'],
  ['processDefinitionVersion', 'instances.version'],
  ['state', 'instances.state'],
  ['startDate', 'instances.started'],
  ['endDate', 'instances.ended'],
] as const;
type SortField = (typeof SORTABLE)[number][0];

/** Process instances with filters (several variables among them), sorting and paging. */
export function InstancesPage({
  processId,
  version,
  canOperate,
}: {
  processId?: string | undefined;
  version?: string | undefined;
  canOperate: boolean;
}) {
  const { t, i18n } = useTranslation('operations');
  const [filters, setFilters] = useState<InstanceFilters>({
    ...NO_FILTERS,
    processId: processId ?? '',
    version: version ?? '',
  });
  const [sort, setSort] = useState<{ field: SortField; order: Order }>({ field: 'startDate', order: 'DESC' });
  const [from, setFrom] = useState(0);
  const [starting, setStarting] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  const definitions = useLoad(allDefinitions, 'definitions');
  const body = { filter: toSearchFilter(filters), sort: [sort], page: { from, limit: PAGE_SIZE } };
  const instances = useLoad(() => searchInstances(body), JSON.stringify(body));
  const total = instances.data?.page.totalItems ?? 0;
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  const sortBy = (field: SortField) => {
    setSort((current) => ({
      field,
      order: current.field === field && current.order === 'DESC' ? 'ASC' : 'DESC',
    }));
    setFrom(0);
  };

  return (
    <section className="page op-page">
      <header className="op-header">
        <h1>{t('instances.title')}</h1>
        <div className="op-actions">
          <button type="button" className="secondary" onClick={() => void instances.reload()}>
            {t('refresh')}
          </button>
          {canOperate && (
            <button type="button" onClick={() => setStarting(true)} disabled={!definitions.data?.length}>
              {t('start.open')}
            </button>
          )}
        </div>
      </header>
      {started && (
        <p className="op-notice" role="status">
          {t('start.started', { key: started })}{' '}
          <a href={href('operations', 'instance', started)}>{t('open')}</a>
        </p>
      )}
      <InstanceFiltersForm
        initial={filters}
        definitions={definitions.data ?? []}
        onApply={(next) => {
          setFilters(next);
          setFrom(0);
        }}
      />
      {instances.error !== undefined && (
        <p className="error" role="alert">
          {errorText(instances.error, t('error'))}
        </p>
      )}
      {instances.loading && !instances.data && <p className="muted">{t('loading')}</p>}
      {instances.data && instances.data.items.length === 0 && (
        <p className="empty-note">{filtered ? t('instances.emptyFiltered') : t('instances.empty')}</p>
      )}
      {instances.data && instances.data.items.length > 0 && (
        <>
          <table className="op-instances">
            <thead>
              <tr>
                {SORTABLE.map(([field, label]) => (
                  <th
                    key={field}
                    aria-sort={
                      sort.field === field ? (sort.order === 'ASC' ? 'ascending' : 'descending') : undefined
                    }
                  >
                    <button type="button" className="link op-sort" onClick={() => sortBy(field)}>
                      {t(label)}
                      {sort.field === field ? (sort.order === 'ASC' ? ' ▲' : ' ▼') : ''}
                    </button>
                  </th>
                ))}
                <th>{t('instances.incident')}</th>
              </tr>
            </thead>
            <tbody>
              {instances.data.items.map((instance) => (
                <tr key={instance.processInstanceKey} data-instance-key={instance.processInstanceKey}>
                  <td>
                    <a href={href('operations', 'instance', instance.processInstanceKey)}>
                      <code>{instance.processInstanceKey}</code>
                    </a>
                  </td>
                  <td>
                    {instance.processDefinitionName}
                    {instance.processDefinitionName !== instance.processDefinitionId && (
                      <div className="muted">
                        <code>{instance.processDefinitionId}</code>
                      </div>
                    )}
                  </td>
                  <td>v{instance.processDefinitionVersion}</td>
                  <td>
                    <StateBadge state={instance.state} />
                  </td>
                  <td>{formatDateTime(instance.startDate, i18n.language)}</td>
                  <td>{formatDateTime(instance.endDate, i18n.language)}</td>
                  <td>
                    {instance.hasIncident ? (
                      <span className="badge danger">{t('instances.hasIncident')}</span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            offset={from}
            count={instances.data.items.length}
            pageSize={PAGE_SIZE}
            total={total}
            onOffset={setFrom}
            t={t}
            prefix="instances."
          />
        </>
      )}
      {starting && (
        <StartInstanceDialog
          processIds={[...new Set((definitions.data ?? []).map((d) => d.processDefinitionId))]}
          initialProcessId={filters.processId || undefined}
          onClose={() => setStarting(false)}
          onStarted={(key) => {
            setStarted(key);
            void instances.reload();
          }}
        />
      )}
    </section>
  );
}
