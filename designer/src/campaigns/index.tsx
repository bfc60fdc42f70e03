import { useTranslation } from 'react-i18next';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { ApprovalsPage } from './ApprovalsPage.tsx';
import { CampaignEditor } from './CampaignEditor.tsx';
import { CampaignPage } from './CampaignPage.tsx';
import { CampaignsList } from './CampaignsList.tsx';
import { DecisionPage } from './DecisionPage.tsx';
import { SegmentBuilder } from './SegmentBuilder.tsx';
import './campaigns.css';

/**
 * The campaigns screen (`#/campaigns/...`): the maker's list, segment builder and editor, one
 * campaign's progress and funnel, and the checker's approval queue.
 *   campaigns                        → list
 *   campaigns/segment                → segment builder (marketing)
 *   campaigns/new[/<segmentId>]      → new campaign (marketing)
 *   campaigns/c/<id>[/edit]          → one campaign, or its editor
 *   campaigns/approvals[/<id>]       → approval queue, or the decision on one (compliance)
 */
export function CampaignsScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation('campaigns');
  const { has } = useSession();
  const maker = has('marketing');
  const checker = has('compliance');
  const [view, a, b] = rest;
  const tab = view === 'segment' ? 'segment' : view === 'approvals' ? 'approvals' : 'list';
  return (
    <div className="cmp">
      <nav className="section-tabs cmp-tabs" aria-label={t('title')}>
        <a href={href('campaigns')} aria-current={tab === 'list' ? 'page' : undefined}>
          {t('tabs.list')}
        </a>
        {maker && (
          <a href={href('campaigns', 'segment')} aria-current={tab === 'segment' ? 'page' : undefined}>
            {t('tabs.segment')}
          </a>
        )}
        {checker && (
          <a href={href('campaigns', 'approvals')} aria-current={tab === 'approvals' ? 'page' : undefined}>
            {t('tabs.approvals')}
          </a>
        )}
      </nav>
      {view === 'segment' && maker ? (
        <SegmentBuilder />
      ) : view === 'new' && maker ? (
        <CampaignEditor key={`new/${a ?? ''}`} segmentId={a} />
      ) : view === 'c' && a && b === 'edit' && maker ? (
        <CampaignEditor key={`edit/${a}`} id={a} />
      ) : view === 'c' && a ? (
        <CampaignPage key={a} id={a} maker={maker} />
      ) : view === 'approvals' && a ? (
        <DecisionPage key={a} id={a} />
      ) : view === 'approvals' ? (
        <ApprovalsPage />
      ) : (
        <CampaignsList maker={maker} />
      )}
    </div>
  );
}
