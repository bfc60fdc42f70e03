/** The campaigns API's shapes, as modules/campaigns/schema.ts answers them. */
export const CHANNELS = ['email', 'sms', 'whatsapp'] as const;
export type Channel = (typeof CHANNELS)[number];
export const SEGMENTS = ['mass', 'emerging', 'priority', 'sme'] as const;
export const PRODUCT_KINDS = ['savings', 'deposit', 'loan', 'card', 'investment'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];
export const CONSENT_CHANNELS = ['email', 'sms', 'whatsapp', 'phone'] as const;

export type CampaignStatus =
  | 'DRAFT'
  | 'PENDING_APPROVAL'
  | 'APPROVED'
  | 'REJECTED'
  | 'SENDING'
  | 'PAUSED'
  | 'COMPLETED'
  | 'CANCELLED';

export interface SegmentRules {
  segments?: string[];
  branchCodes?: string[];
  cities?: string[];
  ageMin?: number;
  ageMax?: number;
  incomeMin?: number;
  incomeMax?: number;
  hasProducts?: string[];
  lacksProducts?: string[];
  consents?: { channel: string; purpose?: 'marketing' }[];
}

export interface Segment {
  id: string;
  name: string;
  description: string | null;
  rules: SegmentRules;
  createdBy: string;
  updatedAt: string;
}

export interface Preview {
  count: number;
  eligible: number | null;
}

export interface Funnel {
  audience: number | null;
  queued: number;
  held: number;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  converted: number;
  suppressed: number;
  failed: number;
}

export interface Campaign {
  id: string;
  name: string;
  description: string | null;
  channel: Channel;
  templateKey: string;
  segmentId: string;
  segmentName: string | null;
  rules: SegmentRules | null;
  scheduledAt: string | null;
  productKind: ProductKind | null;
  data: Record<string, unknown>;
  requireApproval: boolean;
  batchSize: number;
  status: CampaignStatus;
  submission: number;
  maker: string | null;
  checker: string | null;
  comment: string | null;
  approval: 'compliance' | 'automatic' | null;
  eligibleCount: number | null;
  firstContactAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
}

export interface CampaignDetail extends Campaign {
  funnel: Funnel;
}

export interface CampaignInput {
  name: string;
  description?: string | null;
  channel: Channel;
  templateKey: string;
  segmentId: string;
  scheduledAt?: string | null;
  productKind?: ProductKind | null;
  data?: Record<string, unknown>;
  requireApproval?: boolean;
  batchSize?: number;
}

export interface Template {
  key: string;
  channel: Channel;
  purpose: string;
  description: string | null;
  version: number;
  sampleData: Record<string, unknown>;
}

/** A message as the customer would receive it. */
export interface Rendered {
  subject?: string;
  html?: string;
  text: string;
}
