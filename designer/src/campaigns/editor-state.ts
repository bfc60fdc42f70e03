import { instantOf, localOf, textsOf } from './campaign-logic.ts';
import type { Campaign, CampaignInput, Channel, ProductKind } from './types.ts';

/** The editor's fields as typed. */
export interface EditorState {
  name: string;
  description: string;
  segmentId: string;
  channel: Channel;
  templateKey: string;
  data: Record<string, string>;
  productKind: ProductKind | '';
  scheduledAt: string;
  requireApproval: boolean;
  batchSize: string;
}

export function stateOf(campaign: Campaign | undefined, segmentId = ''): EditorState {
  return {
    name: campaign?.name ?? '',
    description: campaign?.description ?? '',
    segmentId: campaign?.segmentId ?? segmentId,
    channel: campaign?.channel ?? 'sms',
    templateKey: campaign?.templateKey ?? '',
    data: textsOf(campaign?.data ?? {}),
    productKind: campaign?.productKind ?? '',
    scheduledAt: localOf(campaign?.scheduledAt ?? null),
    requireApproval: campaign?.requireApproval ?? false,
    batchSize: String(campaign?.batchSize ?? 500),
  };
}

/** The body the API takes; `data` is the template's fillings already typed back. */
export function inputOf(state: EditorState, data: Record<string, unknown>): CampaignInput {
  const batch = Number(state.batchSize);
  return {
    name: state.name.trim(),
    description: state.description.trim() || null,
    channel: state.channel,
    templateKey: state.templateKey,
    segmentId: state.segmentId,
    scheduledAt: instantOf(state.scheduledAt),
    productKind: state.productKind || null,
    data,
    requireApproval: state.requireApproval,
    batchSize: Number.isFinite(batch) && state.batchSize.trim() ? batch : 500,
  };
}

/** The editor field a server error names (`body.templateKey` → templateKey). */
export const fieldOf = (serverField: string) => serverField.replace(/^body\./, '').split('.')[0] ?? '';
