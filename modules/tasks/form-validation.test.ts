import { describe, expect, it } from 'vitest';
import { checkAgainstForm } from './form-validation.ts';
import { readUserTaskHeaders, zonedDateTime } from './headers.ts';

const form = {
  id: 'kyc-review',
  components: [
    { type: 'text', text: '# Tinjauan KYC' },
    {
      type: 'radio',
      key: 'decision',
      validate: { required: true },
      values: [{ value: 'approve' }, { value: 'reject' }],
    },
    {
      type: 'textarea',
      key: 'reason',
      validate: { minLength: 10 },
      conditional: { hide: '=decision = "approve"' },
    },
    { type: 'datetime', key: 'reviewDate', subtype: 'date' },
    { type: 'number', key: 'score', validate: { min: 1, max: '=maxScore' } },
    { type: 'textfield', key: 'contactEmail', validate: { validationType: 'email' } },
    {
      type: 'group',
      path: 'address',
      components: [{ type: 'textfield', key: 'city', validate: { required: true, maxLength: 20 } }],
    },
    {
      type: 'dynamiclist',
      path: 'documents',
      components: [
        {
          type: 'select',
          key: 'kind',
          values: [{ value: 'KTP' }, { value: 'NPWP' }],
          validate: { required: true },
        },
      ],
    },
    { type: 'expression', key: 'total', expression: '=score * 2' },
  ],
};

const check = (submitted: Record<string, unknown>, current: Record<string, unknown> = { maxScore: 5 }) =>
  checkAgainstForm(form, submitted, current, 'kyc-review');

describe('checking a submission against a form-js schema', () => {
  it('given valid values, accepts them and keeps only what the form takes', () => {
    const result = check({
      decision: 'approve',
      reason: 'short',
      reviewDate: '2027-03-01',
      score: 5,
      address: { city: 'Medan' },
      documents: [{ kind: 'KTP' }],
      total: 99,
    });
    expect(result.errors).toEqual([]);
    // Hidden (its condition) and computed fields are not taken from the submission.
    expect(result.variables).toEqual({
      decision: 'approve',
      reviewDate: '2027-03-01',
      score: 5,
      address: { city: 'Medan' },
      documents: [{ kind: 'KTP' }],
    });
  });

  it('names every field that does not fit, nested ones by their path', () => {
    const { errors } = check({
      decision: 'maybe',
      reason: 'dokumen tidak lengkap',
      reviewDate: '01/03/2027',
      score: 6,
      contactEmail: 'not-an-email',
      address: { city: 'Kota Medan Sumatera Utara' },
      documents: [{ kind: 'SIM' }, {}],
    });
    expect(errors).toEqual([
      { field: 'body.variables.decision', message: 'is not one of the options' },
      { field: 'body.variables.reviewDate', message: 'must be a date (YYYY-MM-DD)' },
      { field: 'body.variables.score', message: 'must be at most 5' },
      { field: 'body.variables.contactEmail', message: 'must be an e-mail address' },
      { field: 'body.variables.address.city', message: 'must have at most 20 characters' },
      { field: 'body.variables.documents.0.kind', message: 'is not one of the options' },
      { field: 'body.variables.documents.1.kind', message: 'is required' },
    ]);
  });

  it('a required field already set on the task needs not be sent again; a visible one must be valid', () => {
    const { errors } = check({ reason: 'tidak cukup' }, { decision: 'reject', address: { city: 'Medan' } });
    expect(errors).toEqual([]);
    const again = check({ decision: 'reject', reason: 'singkat' }, { address: { city: 'Medan' } });
    expect(again.errors).toEqual([
      { field: 'body.variables.reason', message: 'must have at least 10 characters' },
    ]);
  });

  it('refuses a field the form does not have, and values of the wrong type', () => {
    const { errors } = check({ decision: 'approve', approvedBy: 'me', score: '5', address: 'Medan' });
    expect(errors.map((e) => e.field)).toEqual([
      'body.variables.approvedBy',
      'body.variables.score',
      'body.variables.address.city',
    ]);
  });
});

describe('the headers of a job-based user task', () => {
  it('reads candidates as JSON array text, dates in Java form, and the priority from a header or variable', () => {
    const headers = readUserTaskHeaders(
      {
        'io.camunda.zeebe:candidateGroups': '["agent","backoffice"]',
        'io.camunda.zeebe:dueDate': '2027-03-01T17:00+07:00[Asia/Jakarta]',
        'io.camunda.zeebe:formKey': '2251799813685250',
        queue: 'payments',
      },
      { priority: 'high' },
    );
    expect(headers).toMatchObject({
      candidateGroups: ['agent', 'backoffice'],
      candidateUsers: [],
      assignee: null,
      dueAt: Date.parse('2027-03-01T10:00:00Z'),
      followUpAt: null,
      formKey: '2251799813685250',
      priority: 75,
      custom: { queue: 'payments' },
    });
    expect(readUserTaskHeaders({ priority: '90' }, { priority: 10 }).priority).toBe(90);
    expect(readUserTaskHeaders({}, { priority: 140 }).priority).toBe(100);
    expect(readUserTaskHeaders({}, {}).priority).toBe(50);
    expect(zonedDateTime('2027-03-01T12:00:30.123456789Z')).toBe(Date.parse('2027-03-01T12:00:30.123Z'));
    expect(zonedDateTime('2027-03-01')).toBeNull();
  });
});
