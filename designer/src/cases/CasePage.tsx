import { useTranslation } from 'react-i18next';
import { errorText } from '../format.ts';
import { href } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { getCase } from './api.ts';
import { CaseActions } from './CaseActions.tsx';
import { CaseHeader } from './CaseHeader.tsx';
import { CommentForm } from './CommentForm.tsx';
import { isOpen } from './case-query.ts';
import { OpenTaskCard } from './OpenTaskCard.tsx';
import { Timeline } from './Timeline.tsx';

/** One case: header with deadlines, its task, timeline and comment box, and what may be done to it. */
export function CasePage({ id, canWrite, canManage }: { id: string; canWrite: boolean; canManage: boolean }) {
  const { t } = useTranslation('cases');
  // The process changes the case too (routing, escalation): refresh while it is on screen.
  const loaded = useLoad(() => getCase(id), id, 15_000);
  const c = loaded.data;
  if (loaded.error !== undefined && !c)
    return (
      <section className="page cs-page">
        <a href={href('cases')}>{t('detail.back')}</a>
        <p className="error" role="alert">
          {errorText(loaded.error, t('error'))}
        </p>
      </section>
    );
  if (!c) return <p className="page muted">{t('loading')}</p>;
  const reload = () => void loaded.reload();
  return (
    <section className="page cs-page cs-case" data-case-id={c.id} aria-labelledby="cs-case-title">
      <a href={href('cases')}>{t('detail.back')}</a>
      <CaseHeader c={c} />
      <div className="cs-case-body">
        <div className="cs-case-main">
          <section className="cs-card">
            <h2>{t('detail.description')}</h2>
            <p className="cs-description">{c.description}</p>
            {c.resolution && (
              <>
                <h2>{t('detail.resolution')}</h2>
                <p className="cs-description">{c.resolution}</p>
              </>
            )}
          </section>
          {canWrite && isOpen(c.status) && <CommentForm caseId={c.id} onSaved={reload} />}
          <Timeline events={c.timeline} />
        </div>
        <aside className="cs-case-side">
          <OpenTaskCard caseId={c.id} open={isOpen(c.status)} supervisor={canManage} />
          {canWrite && <CaseActions c={c} canManage={canManage} onChanged={reload} />}
        </aside>
      </div>
    </section>
  );
}
