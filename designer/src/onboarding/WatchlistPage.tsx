import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { formatDay } from '../customers/format-day.ts';
import { errorText } from '../format.ts';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { removeWatchlistEntry, watchlist } from './api.ts';
import { WATCHLIST_ROLES } from './roles.ts';
import type { WatchlistEntry } from './types.ts';
import { WatchlistEntryDialog } from './WatchlistEntryDialog.tsx';

/** The AML watch list kept by compliance: view, add, remove (every change audited by the server). */
export function WatchlistPage() {
  const { t, i18n } = useTranslation('onboarding');
  const { has } = useSession();
  const allowed = has(...WATCHLIST_ROLES);
  const loaded = useLoad(() => (allowed ? watchlist() : Promise.resolve({ items: [] })), String(allowed));
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<WatchlistEntry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>();

  if (!allowed)
    return (
      <section className="page onb-page">
        <p className="empty-note">{t('watchlist.noPermission')}</p>
      </section>
    );

  const remove = async (entry: WatchlistEntry) => {
    setFailure(undefined);
    try {
      await removeWatchlistEntry(entry.id);
      setNotice(t('watchlist.removed', { name: entry.fullName }));
      setRemoving(null);
      await loaded.reload();
    } catch (error) {
      setFailure(error);
    }
  };
  const items = loaded.data?.items;

  return (
    <section className="page onb-page">
      <header className="onb-header">
        <div>
          <h1>{t('watchlist.title')}</h1>
          <p className="muted">{t('watchlist.intro')}</p>
        </div>
        <button type="button" onClick={() => setAdding(true)}>
          {t('watchlist.add')}
        </button>
      </header>
      {notice && (
        <p className="onb-notice" role="status">
          {notice}
        </p>
      )}
      {loaded.error !== undefined && (
        <p className="error" role="alert">
          {errorText(loaded.error, t('error'))}
        </p>
      )}
      {!items && loaded.loading && <p className="muted">{t('loading')}</p>}
      {items && items.length === 0 && <p className="empty-note">{t('watchlist.empty')}</p>}
      {items && items.length > 0 && (
        <table className="onb-watchlist">
          <thead>
            <tr>
              <th>{t('watchlist.name')}</th>
              <th>{t('watchlist.aliases')}</th>
              <th>{t('watchlist.birthDate')}</th>
              <th>{t('watchlist.category')}</th>
              <th>{t('watchlist.listSource')}</th>
              <th>
                <span className="visually-hidden">{t('watchlist.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} data-entry-id={e.id}>
                <td>
                  {e.fullName} {e.demo && <span className="badge">{t('watchlist.demo')}</span>}
                </td>
                <td>{e.aliases.join(', ') || t('none')}</td>
                <td>{formatDay(e.birthDate, i18n.language)}</td>
                <td>
                  <span className="badge danger">
                    {t(`category.${e.category}`, { defaultValue: e.category })}
                  </span>
                </td>
                <td>
                  {e.listSource}
                  {e.reference && <div className="muted onb-small">{e.reference}</div>}
                </td>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-label={`${t('watchlist.remove')}: ${e.fullName}`}
                    onClick={() => setRemoving(e)}
                  >
                    {t('watchlist.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && (
        <WatchlistEntryDialog
          onClose={() => setAdding(false)}
          onAdded={(entry) => {
            setNotice(t('watchlist.added', { name: entry.fullName }));
            void loaded.reload();
          }}
        />
      )}
      {removing && (
        <Dialog title={t('watchlist.remove')} onClose={() => setRemoving(null)}>
          <p>{t('watchlist.removeConfirm', { name: removing.fullName })}</p>
          {failure !== undefined && (
            <p className="error" role="alert">
              {errorText(failure, t('error'))}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="secondary" onClick={() => setRemoving(null)}>
              {t('cancel')}
            </button>
            <button type="button" className="danger" onClick={() => void remove(removing)}>
              {t('watchlist.remove')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
