import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, formatNumber } from '../format.ts';
import { verifyChain } from './api.ts';
import type { Verification } from './types.ts';

/**
 * Verifies the whole hash chain on request (it reads every entry, so never on its own) and
 * says plainly whether it is intact, or where and how it breaks, with a way to that entry.
 */
export function VerifyPanel({ onShow }: { onShow(seq: number): void }) {
  const { t, i18n } = useTranslation('audit');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<Verification>();
  const [failure, setFailure] = useState<unknown>();
  const n = (v: number) => formatNumber(v, i18n.language);

  const run = async () => {
    setRunning(true);
    setFailure(undefined);
    try {
      setResult(await verifyChain());
    } catch (error) {
      setResult(undefined);
      setFailure(error);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section
      className="au-verify"
      aria-labelledby="au-verify-title"
      data-verify={result ? (result.valid ? 'valid' : 'broken') : 'none'}
    >
      <div className="au-verify-head">
        <div>
          <h2 id="au-verify-title">{t('verify.title')}</h2>
          <p className="muted">{t('verify.hint')}</p>
        </div>
        <button type="button" onClick={() => void run()} disabled={running}>
          {running ? t('verify.running') : t('verify.run')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {result?.valid && (
          <p className="au-verdict">
            <span className="badge ok">{t('verify.valid')}</span>{' '}
            {t('verify.validDetail', { checked: n(result.checked), head: n(result.head.seq) })}
          </p>
        )}
        {result && !result.valid && result.broken && (
          <div className="au-verdict">
            <p>
              <span className="badge danger">{t('verify.broken')}</span>{' '}
              <strong>
                {t('verify.brokenAt', {
                  seq: n(result.broken.seq),
                  problem: t(`verify.problem.${result.broken.problem}`, { head: n(result.head.seq) }),
                })}
              </strong>
            </p>
            <p className="muted">
              {t('verify.checked', { checked: n(result.checked) })}{' '}
              {result.broken.problem !== 'tail-removed' && (
                <button type="button" className="link" onClick={() => onShow(result.broken?.seq ?? 0)}>
                  {t('verify.show')}
                </button>
              )}
            </p>
          </div>
        )}
      </div>
      {failure !== undefined && (
        <p className="error" role="alert">
          {t('verify.error')}: {errorText(failure, t('verify.error'))}
        </p>
      )}
    </section>
  );
}
