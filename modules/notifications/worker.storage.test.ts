import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTask } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';
import { newCustomer, startSmtp, statusOf, until } from './test-kit.ts';

describe(`worker crm.notifications.send in a deployed process (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let customerId: string;
  beforeAll(async () => {
    smtp = await startSmtp();
    p = await createPlatform({ env: { SMTP_URL: smtp.url } });
    p.clock.pin(Date.parse('2026-11-25T03:00:00Z'));
    await probe(p).deploy({ notify: oneTask('notify', 'crm.notifications.send') });
    customerId = await newCustomer(p, { fullName: 'Proses Otomatis Ginting', email: 'proses@example.co.id' });
  });
  afterAll(async () => {
    await p?.close();
    await smtp?.close();
  });

  const start = (variables: Record<string, unknown>) =>
    p.zeebe.createProcessInstance({
      bpmnProcessId: 'notify',
      variables: { customerId, channel: 'email', ...variables },
    });
  const incident = async (processInstanceKey: string) => {
    await until(async () => (await probe(p).incidents(processInstanceKey)).length > 0, 15_000);
    return (await probe(p).incidents(processInstanceKey))[0] as Record<string, string>;
  };

  it('queues the message in the job’s transaction and completes with its id; the e-mail arrives', async () => {
    const result = await p.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'notify',
      variables: {
        customerId,
        templateKey: 'case.resolved',
        channel: 'email',
        data: { caseNumber: 'PGD-2026-004242', surveyUrl: 'https://survei.bank.example/k' },
        ref: 'PGD-2026-004242',
      },
      requestTimeout: 20_000,
    });
    const id = String(result.variables.notificationId);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await until(() => smtp.mails.some((m) => m.headers.get('x-notification-id') === id));
    const mail = smtp.mails.find((m) => m.headers.get('x-notification-id') === id);
    expect(mail?.subject).toBe('Pengaduan Anda telah diselesaikan (PGD-2026-004242)');
    const sent = await statusOf(p, id, 'delivered');
    expect(sent).toMatchObject({ templateVersion: 1 });
    const listed = await p.http.get<{ items: { id: string; ref: string; createdBy: string }[] }>(
      '/api/notifications/messages?ref=PGD-2026-004242',
    );
    expect(listed.body.items).toEqual([expect.objectContaining({ id, createdBy: 'system' })]);
  });

  it('an unknown template fails the job until an incident says which template is missing', async () => {
    const { processInstanceKey } = await start({ templateKey: 'case.reopened', data: {} });
    // The runner retries a failed job after 10 s of engine time: move the clock past each wait.
    for (let i = 0; i < 3 && (await probe(p).incidents(processInstanceKey)).length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 700));
      p.clock.advance(11_000);
    }
    const found = await incident(processInstanceKey);
    expect(found.errorType).toBe('JOB_NO_RETRIES');
    expect(found.errorMessage).toContain('There is no template case.reopened for email');
    expect(found.errorMessage).toContain('retry the incident');
  });

  it('an unknown customer is a BPMN error the model may catch (uncaught: an incident naming it)', async () => {
    const { processInstanceKey } = await start({
      customerId: '11111111-2222-4333-8444-555555555555',
      templateKey: 'case.resolved',
    });
    const found = await incident(processInstanceKey);
    expect(found.errorType).toBe('UNHANDLED_ERROR_EVENT');
    expect(found.errorMessage).toContain('NOTIFICATION_CUSTOMER_NOT_FOUND');
  });

  it('variables that do not fit are an incident naming the field', async () => {
    const { processInstanceKey } = await start({ templateKey: 'case.resolved', channel: 'fax' });
    const found = await incident(processInstanceKey);
    expect(found.errorMessage).toMatch(/channel: /);
  });
});
