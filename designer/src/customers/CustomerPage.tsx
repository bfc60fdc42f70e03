import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { errorText } from '../format.ts';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { customer360, downloadExport } from './api.ts';
import { ConsentsPanel } from './ConsentsPanel.tsx';
import { OpenWork } from './OpenWork.tsx';
import { ProductsTable } from './ProductsTable.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { searchHref } from './search-memory.ts';
import { TimelinePanel } from './TimelinePanel.tsx';
import type { UnmaskField } from './types.ts';
import { UnmaskDialog } from './UnmaskDialog.tsx';

/** Customer 360: profile, products, consents, open work and the timeline of one customer. */
export function CustomerPage({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customers');
  const { has } = useSession();
  const loaded = useLoad(() => customer360(customerId), customerId);
  const [unmasking, setUnmasking] = useState<{ field: UnmaskField; productId?: string } | null>(null);
  const [exportState, setExportState] = useState<{ done?: boolean; error?: unknown }>({});
  const back = (
    <a className="cu-back" href={searchHref()}>
      {t('back')}
    </a>
  );

  if (loaded.error !== undefined && !loaded.data) {
    const status = loaded.error instanceof ApiError ? loaded.error.status : 0;
    const kind = status === 404 || status === 403 ? 'notFound' : status === 410 ? 'erased' : null;
    return (
      <section className="page cu-page" data-state={kind ?? 'error'}>
        {back}
        <h1>{kind ? t(`${kind}.title`) : t('title')}</h1>
        <p className={kind ? 'empty-note' : 'error'} role="alert">
          {kind ? t(`${kind}.body`) : errorText(loaded.error, t('error'))}
        </p>
        {!kind && (
          <button type="button" className="secondary" onClick={() => void loaded.reload()}>
            {t('retry')}
          </button>
        )}
      </section>
    );
  }
  if (!loaded.data)
    return (
      <section className="page cu-page">
        {back}
        <p className="muted">{t('loading')}</p>
      </section>
    );

  const view = loaded.data;
  const { customer } = view;
  const canUnmask = has('supervisor', 'compliance');
  const exportData = async () => {
    setExportState({});
    try {
      await downloadExport(customerId);
      setExportState({ done: true });
    } catch (error) {
      setExportState({ error });
    }
  };

  return (
    <section className="page cu-page" data-customer-id={customer.id}>
      {back}
      <header className="cu-header">
        <div>
          <h1>{customer.fullName}</h1>
          <p className="muted">
            <code>{customer.cif}</code> ·{' '}
            {t(`segment.${customer.segment}`, { defaultValue: customer.segment })}
            {view.branch ? ` · ${view.branch.name}` : ''}
          </p>
        </div>
        {has('compliance') && (
          <button type="button" className="secondary" onClick={() => void exportData()}>
            {t('export.button')}
          </button>
        )}
      </header>
      {exportState.done && (
        <p className="cu-notice" role="status">
          {t('export.done')}
        </p>
      )}
      {exportState.error !== undefined && (
        <p className="error" role="alert">
          {errorText(exportState.error, t('error'))}
        </p>
      )}
      <div className="cu-grid">
        <ProfileCard view={view} onUnmask={canUnmask ? (field) => setUnmasking({ field }) : undefined} />
        <div className="cu-column">
          <ProductsTable
            products={view.products}
            onUnmask={
              canUnmask ? (productId) => setUnmasking({ field: 'accountNumber', productId }) : undefined
            }
          />
          <ConsentsPanel
            customerId={customerId}
            canChange={has('agent', 'supervisor', 'relationship-manager')}
            onChanged={() => void loaded.reload()}
          />
        </div>
      </div>
      <OpenWork customerId={customerId} />
      {/* A new first page (after a change) starts the timeline over. */}
      <TimelinePanel key={view.timeline.items[0]?.id ?? ''} customerId={customerId} first={view.timeline} />
      {unmasking && (
        <UnmaskDialog
          customerId={customerId}
          initial={unmasking}
          customer={customer}
          products={view.products}
          onClose={() => setUnmasking(null)}
        />
      )}
    </section>
  );
}
