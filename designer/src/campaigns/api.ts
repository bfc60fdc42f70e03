import { get, post, put } from '../api.ts';
import type {
  Campaign,
  CampaignDetail,
  CampaignInput,
  CampaignStatus,
  Channel,
  Preview,
  Rendered,
  Segment,
  SegmentRules,
  Template,
} from './types.ts';

const at = (id: string, step = '') => `/api/campaigns/${encodeURIComponent(id)}${step}`;

export const listCampaigns = (status?: CampaignStatus) =>
  get<{ items: Campaign[] }>(`/api/campaigns?limit=200${status ? `&status=${status}` : ''}`);
export const getCampaign = (id: string) => get<CampaignDetail>(at(id));
export const createCampaign = (input: CampaignInput) => post<CampaignDetail>('/api/campaigns', input);
export const updateCampaign = (id: string, input: CampaignInput) => put<CampaignDetail>(at(id), input);
export type Step = 'submit' | 'pause' | 'resume' | 'cancel';
export const stepCampaign = (id: string, step: Step) => post<CampaignDetail>(at(id, `/${step}`));
export const approveCampaign = (id: string, comment: string) =>
  post<CampaignDetail>(at(id, '/approve'), comment.trim() ? { comment: comment.trim() } : {});
export const rejectCampaign = (id: string, comment: string) =>
  post<CampaignDetail>(at(id, '/reject'), { comment: comment.trim() });
/** The campaign's message filled in with its data (any campaigns reader, compliance included). */
export const campaignContent = (id: string, locale: 'id' | 'en') =>
  get<Rendered>(at(id, `/content?locale=${locale}`));

export const listSegments = () => get<{ items: Segment[] }>('/api/campaigns/segments');
export const createSegment = (input: { name: string; description?: string | null; rules: SegmentRules }) =>
  post<Segment>('/api/campaigns/segments', input);
export const previewSegment = (rules: SegmentRules, channel?: Channel) =>
  post<Preview>('/api/campaigns/segments/preview', channel ? { rules, channel } : { rules });

export const listTemplates = (channel: Channel) =>
  get<{ items: Template[] }>(`/api/notifications/templates?channel=${channel}&purpose=marketing`);
/** A template filled in with the data given (marketing and admin: notifications.templates). */
export const previewTemplate = (
  key: string,
  channel: Channel,
  locale: 'id' | 'en',
  data: Record<string, unknown>,
) =>
  post<Rendered>(`/api/notifications/templates/${encodeURIComponent(key)}/${channel}/preview`, {
    locale,
    data,
  });
