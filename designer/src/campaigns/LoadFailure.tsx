import { useTranslation } from 'react-i18next';
import { errorText } from '../format.ts';

/** A load that failed, in the server's words, with a way to try again. */
export function LoadFailure({ error, retry }: { error: unknown; retry(): void }) {
  const { t } = useTranslation('campaigns');
  return (
    <div className="cmp-failure" role="alert">
      <p className="error">{t('loadFailed', { error: errorText(error, '') })}</p>
      <button type="button" className="secondary" onClick={retry}>
        {t('retry')}
      </button>
    </div>
  );
}
