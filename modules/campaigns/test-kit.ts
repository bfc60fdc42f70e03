// Shared by the campaign suites (*.storage.test.ts and tests/scenarios/campaign-approval).
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { TestPlatform } from '../../tests/harness/create-platform.ts';
import { AuditTrail, deriveDataKeys, SubjectKeys } from '../audit/index.ts';
import { bulkLoad } from '../customers/bulk-load.ts';
import { demoCustomers } from '../customers/demo-data.ts';
import { PROCESSES_DIR } from '../server/processes.ts';

export interface CampaignDto {
  id: string;
  status: string;
  maker: string | null;
  checker: string | null;
  comment: string | null;
  approval: string | null;
  eligibleCount: number | null;
  submission: number;
  funnel: {
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
  };
}
export interface Problem {
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** A folder holding only the campaign approval model and its form: module suites deploy just these. */
export async function campaignProcesses(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'campaign-processes-'));
  for (const name of ['campaigns-campaign-approval.bpmn', 'campaigns-approval-decision.form'])
    await copyFile(join(PROCESSES_DIR, name), join(dir, name));
  return dir;
}

let serial = 0;

/** A customer registered by agent1 with these fields, and marketing consent on `consents`. */
export async function customer(
  p: TestPlatform,
  fields: Record<string, unknown>,
  consents: string[] = [],
): Promise<string> {
  serial += 1;
  const nik = `127101010190${String((process.pid * 7 + serial) % 10_000).padStart(4, '0')}`;
  const answer = await p.as('agent1').post<{ id: string }>('/api/customers', {
    fullName: `Nasabah Uji ${serial}`,
    nik,
    segment: 'mass',
    branchCode: 'MDN-KC',
    phone: `08137${String(serial).padStart(7, '0')}`,
    ...fields,
  });
  if (answer.status !== 201) throw new Error(`customer not created: ${JSON.stringify(answer.body)}`);
  for (const channel of consents) await consent(p, answer.body.id, channel, true);
  return answer.body.id;
}

export async function consent(p: TestPlatform, customerId: string, channel: string, granted: boolean) {
  const answer = await p.as('agent1').post(`/api/customers/${customerId}/consents`, {
    channel,
    purpose: 'marketing',
    granted,
    source: 'branch-form',
  });
  if (answer.status >= 300) throw new Error(`consent not recorded: ${answer.status}`);
}

/**
 * Loads `count` customers fast (bulk insert, as the demo seed does) living in `city`, each with
 * marketing consent on `channel` and nothing else: a segment on the city selects exactly them.
 */
export async function loadAudience(p: TestPlatform, count: number, city: string, channel: string) {
  const sequelize = p.platform.sequelize;
  const dataKeys = deriveDataKeys(p.config.dataKey);
  const audit = new AuditTrail(sequelize, dataKeys, new SubjectKeys(sequelize, dataKeys), p.clock);
  const now = p.clock.now();
  const people = [...demoCustomers(0, count, { seed: 88, now, count })].map((c) => ({
    ...c,
    city,
    consents: [
      {
        channel,
        purpose: 'marketing',
        granted: true,
        source: 'branch-form',
        recordedBy: 'agent1',
        recordedAt: now - 86_400_000,
      },
    ],
    interactions: [],
  }));
  await bulkLoad({ sequelize, dataKeys, audit, clock: p.clock }, people, { batchSize: 2000 });
}

export async function segment(
  p: TestPlatform,
  name: string,
  rules: Record<string, unknown>,
): Promise<string> {
  const answer = await p.as('marketing1').post<{ id: string }>('/api/campaigns/segments', { name, rules });
  if (answer.status !== 201) throw new Error(`segment not saved: ${JSON.stringify(answer.body)}`);
  return answer.body.id;
}

export async function campaign(
  p: TestPlatform,
  as: string,
  fields: Record<string, unknown>,
): Promise<CampaignDto> {
  const answer = await p.as(as).post<CampaignDto>('/api/campaigns', fields);
  if (answer.status !== 201) throw new Error(`campaign not created: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function read(p: TestPlatform, id: string, as = 'marketing1'): Promise<CampaignDto> {
  return (await p.as(as).get<CampaignDto>(`/api/campaigns/${id}`)).body;
}

/** Waits until the campaign is in this status (the process works asynchronously). */
export async function reaches(
  p: TestPlatform,
  id: string,
  status: string,
  timeout = 20_000,
): Promise<CampaignDto> {
  return vi.waitFor(
    async () => {
      const now = await read(p, id);
      if (now.status !== status) throw new Error(`campaign ${id} is ${now.status}, not ${status}`);
      return now;
    },
    { timeout, interval: 100 },
  );
}

/** Approves or rejects as `user`, retrying while the approval task is not in the task list yet. */
export async function decide(
  p: TestPlatform,
  id: string,
  user: string,
  path: 'approve' | 'reject',
  body: unknown,
) {
  return vi.waitFor(
    async () => {
      const answer = await p.as(user).post<CampaignDto & Problem>(`/api/campaigns/${id}/${path}`, body);
      if (answer.status === 409 && answer.body.code === 'APPROVAL_NOT_READY')
        throw new Error(answer.body.detail);
      return answer;
    },
    { timeout: 20_000, interval: 150 },
  );
}

/** The campaign's messages as notifications lists them. */
export async function messages(p: TestPlatform, id: string) {
  const answer = await p
    .as('compliance1')
    .get<{ items: { customerId: string; status: string; statusReason: string | null }[] }>(
      `/api/notifications/messages?ref=${encodeURIComponent(`campaign:${id}`)}&limit=200`,
    );
  return answer.body.items;
}
