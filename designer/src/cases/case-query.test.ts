import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import { cases } from '../i18n/cases.ts';
import { caseQuery, DEFAULT_FILTERS, eventText, fieldErrors, nextStatuses, slaBadge } from './case-query.ts';

describe('the case list query', () => {
  const sort = { field: 'createdAt' as const, desc: true };

  it('shows open cases, newest first, by default; my cases are those assigned to me', () => {
    const query = new URLSearchParams(caseQuery({ kind: 'mine' }, DEFAULT_FILTERS, sort, 0, 25, 'agent1'));
    expect(Object.fromEntries(query)).toEqual({
      assignee: 'agent1',
      open: 'true',
      sort: '-createdAt',
      limit: '25',
      offset: '0',
    });
  });

  it('sends a queue, one status, the other filters and trimmed words; leaves empty ones out', () => {
    const query = new URLSearchParams(
      caseQuery(
        { kind: 'queue', code: 'BO-PAYMENTS' },
        { ...DEFAULT_FILTERS, status: 'IN_PROGRESS', severity: 'HIGH', channel: 'whatsapp', q: '  budi  ' },
        { field: 'slaDueAt', desc: false },
        50,
        25,
        'x',
      ),
    );
    expect(query.get('queue')).toBe('BO-PAYMENTS');
    expect(query.get('status')).toBe('IN_PROGRESS');
    expect(query.has('open')).toBe(false);
    expect(query.get('severity')).toBe('HIGH');
    expect(query.get('channel')).toBe('whatsapp');
    expect(query.has('category')).toBe(false);
    expect(query.get('q')).toBe('budi');
    expect(query.get('sort')).toBe('slaDueAt');
    expect(query.get('offset')).toBe('50');
  });

  it('asks for resolved and closed cases with open=false', () => {
    const query = new URLSearchParams(
      caseQuery({ kind: 'all' }, { ...DEFAULT_FILTERS, status: 'closed' }, sort, 0, 25, 'x'),
    );
    expect(query.get('open')).toBe('false');
  });
});

describe('the SLA badge', () => {
  const base = { slaDueAt: '2026-11-24T10:00:00Z', slaBreachedAt: null, resolvedAt: null };
  it('says past SLA in red, at risk in amber, on time in green for open cases', () => {
    expect(slaBadge({ ...base, slaState: 'overdue' })).toEqual({ key: 'sla.overdue', tone: 'danger' });
    expect(slaBadge({ ...base, slaState: 'due-soon' })).toEqual({ key: 'sla.dueSoon', tone: 'warn' });
    expect(slaBadge({ ...base, slaState: 'on-track' })).toEqual({ key: 'sla.onTrack', tone: 'ok' });
  });
  it('tells a resolved case by whether its SLA was breached, and a new case without an SLA yet', () => {
    const resolved = { ...base, slaState: null, resolvedAt: '2026-11-24T09:00:00Z' };
    expect(slaBadge(resolved).key).toBe('sla.met');
    expect(slaBadge({ ...resolved, slaBreachedAt: '2026-11-24T08:00:00Z' }).key).toBe('sla.metLate');
    expect(slaBadge({ ...base, slaState: null, slaDueAt: null }).key).toBe('sla.notRouted');
  });
});

describe('case rules and words', () => {
  it('offers only the manual status changes; RESOLVED comes from the task', () => {
    expect(nextStatuses('ASSIGNED')).toEqual(['IN_PROGRESS', 'WAITING_CUSTOMER']);
    expect(nextStatuses('IN_PROGRESS')).not.toContain('RESOLVED');
    expect(nextStatuses('RESOLVED')).toEqual(['CLOSED']);
  });

  it('maps the server’s field errors onto form fields, the first message per field', () => {
    const error = new ApiError(400, 'VALIDATION', 'bad', [
      { field: 'body.description', message: 'too short' },
      { field: 'body.description', message: 'second' },
      { field: 'body.customerId', message: 'not a uuid' },
    ]);
    expect(fieldErrors(error)).toEqual({ description: 'too short', customerId: 'not a uuid' });
    expect(fieldErrors(new Error('x'))).toEqual({});
  });

  it('tells an escalation by its reason, and a reassignment apart from a first assignment', () => {
    expect(eventText('escalation', { reason: 'NO_UPDATE', level: 1, to: 'supervisor1' })).toEqual({
      key: 'event.escalationIdle',
      values: { level: '1', to: 'supervisor1' },
    });
    expect(eventText('escalation', { reason: 'SLA_BREACH', level: 2, to: null }).key).toBe(
      'event.escalationSla',
    );
    expect(eventText('assigned', { to: 'agent1' }).key).toBe('event.assigned');
    expect(eventText('assigned', { from: 'agent1', to: 'agent2' }).key).toBe('event.reassigned');
    expect(eventText('comment', { text: 'x' }).key).toBe('event.comment');
  });
});

describe('the cases dictionary', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
    );
  it('has the same keys in Bahasa Indonesia and English', () => {
    expect(keys(cases.en).sort()).toEqual(keys(cases.id).sort());
  });
});
