import { useTranslation } from 'react-i18next';
import { href, navigate } from '../router.ts';
import { useSession } from '../session.tsx';
import { BranchSelect } from './BranchSelect.tsx';
import { RootCauseTile, SlaTile, VolumeTile } from './CaseTiles.tsx';
import { ConsentTile, FunnelTile } from './MarketingTiles.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { type PeriodChoice, periodFromSegment, periodSegment, type ReportFilter } from './period.ts';
import { type GroupId, groupsFor } from './reports.ts';
import { AgentTile, CsatTile } from './TeamTiles.tsx';
import './dashboards.css';

/**
 * The dashboards screen (`#/dashboards[/<group>[/<from>..<to>[/<branch>]]]`): the reports of the
 * reader's work, grouped (complaint handling; campaigns and consent), all over one period. Only
 * the groups of the reader's roles are offered, so no tile ever answers 403. The period and the
 * branch live in the address, so a view can be bookmarked, shared and gone back to.
 */
export function DashboardsScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation('dashboards');
  const { me } = useSession();
  const groups = groupsFor(me?.roles ?? []);
  const group = groups.find((g) => g.id === rest[0]) ?? groups[0];
  const period = periodFromSegment(rest[1]);
  const branch = rest[2] ?? '';
  const show = (next: PeriodChoice, nextBranch: string) => {
    if (group) navigate('dashboards', group.id, periodSegment(next), ...(nextBranch ? [nextBranch] : []));
  };

  return (
    <section className="page db-page" data-group={group?.id}>
      <h1>{t('title')}</h1>
      {!group ? (
        <p className="muted">{t('nothing')}</p>
      ) : (
        <>
          <p className="muted db-intro">{t('intro')}</p>
          {groups.length > 1 && (
            <nav className="db-groups" aria-label={t('groupsLabel')}>
              {groups.map((g) => (
                <a
                  key={g.id}
                  href={href('dashboards', g.id, periodSegment(period))}
                  aria-current={g.id === group.id ? 'page' : undefined}
                >
                  {t(`groups.${g.id}`)}
                </a>
              ))}
            </nav>
          )}
          <PeriodPicker value={period} onChange={(next) => show(next, branch)}>
            {group.id === 'cases' && <BranchSelect value={branch} onChange={(next) => show(period, next)} />}
          </PeriodPicker>
          <div className="db-grid">
            {/* Campaigns are bank-wide: the branch narrows the case reports only. */}
            <GroupTiles group={group.id} period={group.id === 'cases' ? { ...period, branch } : period} />
          </div>
        </>
      )}
    </section>
  );
}

function GroupTiles({ group, period }: { group: GroupId; period: ReportFilter }) {
  if (group === 'marketing')
    return (
      <>
        <FunnelTile period={period} />
        <ConsentTile period={period} />
      </>
    );
  return (
    <>
      <VolumeTile period={period} />
      <SlaTile period={period} />
      <RootCauseTile period={period} />
      <AgentTile period={period} />
      <CsatTile period={period} />
    </>
  );
}
