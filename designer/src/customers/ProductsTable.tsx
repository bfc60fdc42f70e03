import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format.ts';
import { formatDay } from './format-day.ts';
import { isMasked } from './ProfileCard.tsx';
import type { Product } from './types.ts';

/** Savings, deposits, loans, cards and investments, account numbers as the server sent them. */
export function ProductsTable({
  products,
  onUnmask,
}: {
  products: Product[];
  onUnmask: ((productId: string) => void) | undefined;
}) {
  const { t, i18n } = useTranslation('customers');
  return (
    <section className="cu-card" aria-labelledby="cu-products">
      <h2 id="cu-products">{t('products.title')}</h2>
      {products.length === 0 ? (
        <p className="empty-note">{t('products.empty')}</p>
      ) : (
        <table className="cu-products">
          <thead>
            <tr>
              <th>{t('products.name')}</th>
              <th>{t('products.account')}</th>
              <th>{t('products.status')}</th>
              <th className="cu-number">{t('products.balance')}</th>
              <th>{t('products.opened')}</th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.id} data-product-id={p.id}>
                <td>
                  {p.productName}
                  <div className="muted">{t(`productKind.${p.kind}`, { defaultValue: p.kind })}</div>
                </td>
                <td>
                  <span className="cu-mono">{p.accountNumber ?? t('none')}</span>
                  {onUnmask && isMasked(p.accountNumber) && (
                    <button
                      type="button"
                      className="link"
                      aria-label={t('unmask.openField', { field: t('field.accountNumber') })}
                      onClick={() => onUnmask(p.id)}
                    >
                      {t('unmask.open')}
                    </button>
                  )}
                </td>
                <td>
                  <span className={`badge ${p.status === 'active' ? 'ok' : ''}`}>
                    {t(`productStatus.${p.status}`, { defaultValue: p.status })}
                  </span>
                </td>
                <td className="cu-number">
                  {p.balance === null ? t('none') : `Rp ${formatNumber(p.balance, i18n.language)}`}
                </td>
                <td>{formatDay(p.openedAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
