import type { QueryInterface } from 'sequelize';

/**
 * Indexes for the dashboards, on other modules' tables (named reports_* so their owners know
 * whose they are). Each report ranges over one instant column and reads only the columns in
 * its index (covering), so a month of a few hundred thousand cases is read from the index
 * alone, never from the table. tests: modules/reports/explain.storage.test.ts.
 */
const INDEXES: { table: string; name: string; fields: string[]; why: string }[] = [
  {
    table: 'cases',
    name: 'reports_cases_created',
    fields: ['created_at', 'category', 'branch_code', 'queue_code'],
    why: 'complaint volume per category and month, by created_at, within a branch or queues',
  },
  {
    table: 'cases',
    name: 'reports_cases_due',
    fields: ['sla_due_at', 'queue_code', 'resolved_at', 'sla_breached_at', 'branch_code'],
    why: 'SLA compliance of the deadlines due in a period, per month and queue',
  },
  {
    table: 'cases',
    name: 'reports_cases_resolved',
    fields: ['resolved_at', 'assignee', 'root_cause', 'csat', 'created_at', 'branch_code', 'queue_code'],
    why: 'root causes, handling time per agent and CSAT per branch of the cases resolved in a period',
  },
  {
    table: 'cases',
    name: 'reports_cases_open',
    fields: ['status', 'assignee', 'sla_due_at', 'branch_code', 'queue_code'],
    why: 'the backlog per agent: open cases by status, with what is overdue',
  },
  {
    table: 'customer_consents',
    name: 'reports_customer_consents_withdrawn',
    fields: ['granted', 'recorded_at', 'channel', 'purpose', 'customer_id'],
    why: 'consent withdrawals (granted = false) per month, channel and purpose',
  },
  {
    table: 'notification_messages',
    name: 'reports_notification_messages_funnel',
    fields: [
      'ref',
      'sent_at',
      'customer_id',
      'status',
      'delivered_at',
      'open_count',
      'click_count',
      'status_reason',
    ],
    // A campaign is often a large share of the outbox: through notification_messages_ref alone
    // (a row lookup per message) the optimizer prefers reading the whole table. Covering costs
    // one more index entry per status change of a message; a funnel is then read from it alone.
    why: "campaigns' funnel (campaigns/funnel.ts) per campaign ref, read from the index alone",
  },
  {
    table: 'campaigns',
    name: 'reports_campaigns_started',
    fields: ['started_at'],
    why: 'the campaigns started in a period, whose funnels the report reads',
  },
];

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const index of INDEXES) await qi.addIndex(index.table, index.fields, { name: index.name });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const index of [...INDEXES].reverse()) await qi.removeIndex(index.table, index.name);
}
