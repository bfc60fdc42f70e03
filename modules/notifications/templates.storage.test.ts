import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';

interface TemplateBody {
  key: string;
  channel: string;
  purpose: string;
  version: number;
  archived: boolean;
  updatedBy: string;
  content: { id: { text: string } };
}
interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}

const reminder = {
  key: 'payment.reminder',
  channel: 'sms',
  purpose: 'service',
  description: 'Pengingat angsuran',
  content: {
    id: { text: 'Yth. {{customer.name}}, angsuran {{rupiah amount}} jatuh tempo {{tanggal dueDate}}.' },
    en: {
      text: 'Dear {{customer.name}}, an instalment of {{rupiah amount}} is due on {{tanggal dueDate "en"}}.',
    },
  },
  sampleData: { amount: 1_250_000, dueDate: '2026-12-10T03:00:00Z', customer: { name: 'Budi' } },
};

describe(`notification templates: versions, preview, validation (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
  });
  afterAll(async () => {
    await p?.close();
  });

  it('the service templates production needs are there from the start', async () => {
    const list = await p.as('agent1').get<{ items: TemplateBody[] }>('/api/notifications/templates');
    const names = list.body.items.map((t) => `${t.key}/${t.channel}/${t.purpose}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'case.resolved/email/service',
        'case.resolved/sms/service',
        'onboarding.welcome/email/service',
        'promo.kartu-kredit/email/marketing',
      ]),
    );
    const marketing = await p
      .as('agent1')
      .get<{ items: TemplateBody[] }>('/api/notifications/templates?purpose=marketing');
    expect(marketing.body.items.every((t) => t.purpose === 'marketing')).toBe(true);
  });

  it('marketing creates a template; each save is a new version; the history keeps every one', async () => {
    const created = await p.as('marketing1').post<TemplateBody>('/api/notifications/templates', reminder);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, updatedBy: 'marketing1', archived: false });
    const twice = await p.as('marketing1').post<Problem>('/api/notifications/templates', reminder);
    expect(twice.status).toBe(409);
    const changed = {
      ...reminder,
      content: {
        ...reminder.content,
        id: { text: 'Pengingat: angsuran {{rupiah amount}} jatuh tempo {{tanggal dueDate}}.' },
      },
    };
    const { key, channel, ...body } = changed;
    const saved = await p.http.put<TemplateBody>(`/api/notifications/templates/${key}/${channel}`, body);
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    const versions = await p
      .as('compliance1')
      .get<{ items: TemplateBody[] }>(`/api/notifications/templates/${key}/${channel}/versions`);
    expect(versions.body.items.map((v) => [v.version, v.updatedBy])).toEqual([
      [2, 'admin'],
      [1, 'marketing1'],
    ]);
    expect(versions.body.items[1]?.content.id.text).toContain('Yth.');
  });

  it('preview renders a version with its sample data, or with the data given', async () => {
    const path = '/api/notifications/templates/payment.reminder/sms/preview';
    const current = await p.as('marketing1').post<{ text: string }>(path, {});
    expect(current.body.text).toBe('Pengingat: angsuran Rp 1.250.000 jatuh tempo 10 Desember 2026.');
    const first = await p.as('marketing1').post<{ text: string }>(path, { version: 1, locale: 'en' });
    expect(first.body.text).toBe('Dear Budi, an instalment of Rp 1.250.000 is due on 10 December 2026.');
    const given = await p
      .as('marketing1')
      .post<{ text: string }>(path, { data: { amount: 99, dueDate: null } });
    expect(given.body.text).toBe('Pengingat: angsuran Rp 99 jatuh tempo .');
    const email = await p
      .as('marketing1')
      .post<{ subject: string; html: string }>(
        '/api/notifications/templates/case.resolved/email/preview',
        {},
      );
    expect(email.body.subject).toBe('Pengaduan Anda telah diselesaikan (PGD-2026-000123)');
    expect(email.body.html).toContain('Yth. Bapak/Ibu Budi Santoso Siregar');
    expect((await p.as('marketing1').post(path, { version: 9 })).status).toBe(404);
  });

  it('bad template syntax, or parts the channel cannot carry, answer 400 naming the field', async () => {
    const broken = await p.as('marketing1').post<Problem>('/api/notifications/templates', {
      ...reminder,
      key: 'payment.broken',
      content: { id: { text: 'Halo {{#if x}}tanpa penutup' }, en: { text: 'Hello {{name}' } },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('TEMPLATE_INVALID');
    expect(broken.body.errors?.map((e) => e.field)).toEqual(['body.content.id.text', 'body.content.en.text']);
    const html = await p.as('marketing1').post<Problem>('/api/notifications/templates', {
      ...reminder,
      key: 'payment.html',
      content: { ...reminder.content, id: { text: 'a', html: '<p>a</p>' } },
    });
    expect(html.body.errors).toEqual([{ field: 'body.content.id.html', message: 'sms carries no html' }]);
    const shape = await p.as('marketing1').post<Problem>('/api/notifications/templates', {
      ...reminder,
      key: 'Bad Key',
      purpose: 'spam',
    });
    expect(shape.status).toBe(400);
    expect(shape.body.errors?.map((e) => e.field).sort()).toEqual(['body.key', 'body.purpose']);
  });

  it('an archived template leaves the catalogue and sends nothing; saving brings it back', async () => {
    const path = '/api/notifications/templates/payment.reminder/sms';
    expect((await p.as('marketing1').delete(path)).status).toBe(204);
    const listed = await p.as('agent1').get<{ items: TemplateBody[] }>('/api/notifications/templates');
    expect(listed.body.items.map((t) => t.key)).not.toContain('payment.reminder');
    expect((await p.as('agent1').get<TemplateBody>(path)).body.archived).toBe(true);
    const customer = await p.as('agent1').post<{ id: string }>('/api/customers', {
      fullName: 'Arsip Tarigan',
      nik: '1271011203900077',
      phone: '081211112222',
      segment: 'mass',
      branchCode: 'MDN-KC',
    });
    const send = await p.as('agent1').post<Problem>('/api/notifications/messages', {
      customerId: customer.body.id,
      templateKey: 'payment.reminder',
      channel: 'sms',
    });
    expect(send.status).toBe(404);
    expect(send.body.code).toBe('TEMPLATE_NOT_FOUND');
    const { key: _, channel: __, ...body } = reminder;
    expect((await p.as('marketing1').put<TemplateBody>(path, body)).body).toMatchObject({
      version: 3,
      archived: false,
    });
    const trail = await p
      .as('compliance1')
      .get<{ items: { action: string }[] }>('/api/audit/entries?entityId=payment.reminder/sms');
    expect(trail.body.items.map((e) => e.action).sort()).toEqual([
      'notification-template.archive',
      'notification-template.create',
      'notification-template.update',
      'notification-template.update',
    ]);
  });
});
