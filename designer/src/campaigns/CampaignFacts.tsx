import { useTranslation } from 'react-i18next';
import { useDisplayName } from '../components/people.tsx';
import { formatDateTime, formatNumber } from '../format.ts';
import { useLoad } from '../use-load.ts';
import { listTemplates } from './api.ts';
import type { Campaign } from './types.ts';

/** Who made and decided a campaign, where and when it goes: the facts both maker and checker read. */
export function CampaignFacts({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation('campaigns');
  const lang = i18n.language;
  const name = useDisplayName();
  // The template's description reads better than its key; the key stays as a fallback.
  const templates = useLoad(() => listTemplates(campaign.channel), campaign.channel);
  const template = templates.data?.items.find((x) => x.key === campaign.templateKey);
  const row = (key: string, label: string, value: string) => (
    <div key={key} data-fact={key}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <dl className="cmp-facts">
      {row('segment', t('editor.segment'), campaign.segmentName ?? '—')}
      {row('channel', t('editor.channel'), t(`channel.${campaign.channel}`))}
      {row('template', t('detail.template'), template?.description ?? campaign.templateKey)}
      {campaign.productKind && row('product', t('editor.productKind'), t(`product.${campaign.productKind}`))}
      {row(
        'schedule',
        t('detail.schedule'),
        campaign.scheduledAt ? formatDateTime(campaign.scheduledAt, lang) : t('detail.now'),
      )}
      {campaign.firstContactAt &&
        row('firstContact', t('detail.firstContact'), formatDateTime(campaign.firstContactAt, lang))}
      {row(
        'audience',
        t('list.audience'),
        campaign.eligibleCount === null
          ? campaign.status === 'PENDING_APPROVAL'
            ? t('detail.counting')
            : t('list.notCounted')
          : formatNumber(campaign.eligibleCount, lang),
      )}
      {campaign.maker && row('maker', t('detail.maker'), name(campaign.maker))}
      {campaign.approval &&
        row('approval', t('detail.approval'), t(`detail.approvalKind.${campaign.approval}`))}
      {campaign.checker &&
        row(
          'checker',
          t('detail.checker'),
          campaign.checker === 'system' ? t('detail.system') : name(campaign.checker),
        )}
    </dl>
  );
}
