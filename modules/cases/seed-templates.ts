import type { SeedTemplate } from '../notifications/seed-templates.ts';

const sample = {
  caseNumber: 'KLH-2026-000123',
  days: 10,
  reason: 'Menunggu konfirmasi dari bank penerima',
  dueDate: '2026-12-22T16:59:59.999Z',
  customer: { name: 'Budi Santoso Siregar' },
};

/**
 * The notice POJK 22/2023 requires before a complaint's deadline is extended (once, by up to
 * 10 working days). The resolution message is notifications' own `case.resolved`.
 */
export const CASE_TEMPLATES: SeedTemplate[] = [
  {
    key: 'case.extended',
    channel: 'email',
    purpose: 'service',
    description: 'Perpanjangan waktu penyelesaian pengaduan (POJK 22/2023), dengan alasannya',
    sampleData: sample,
    content: {
      id: {
        subject: 'Perpanjangan waktu penyelesaian pengaduan {{caseNumber}}',
        html: '<!doctype html><html><body style="font-family:Arial,sans-serif"><p>Yth. Bapak/Ibu {{customer.name}},</p><p>Penyelesaian pengaduan Anda <strong>{{caseNumber}}</strong> kami perpanjang {{days}} hari kerja, sampai {{tanggal dueDate}}.</p><p>Alasan: {{reason}}</p><p>Salam hormat,<br>Layanan Nasabah</p></body></html>',
        text: 'Yth. Bapak/Ibu {{customer.name}},\n\nPenyelesaian pengaduan Anda {{caseNumber}} kami perpanjang {{days}} hari kerja, sampai {{tanggal dueDate}}.\nAlasan: {{reason}}\n\nSalam hormat,\nLayanan Nasabah',
      },
      en: {
        subject: 'More time to resolve your complaint {{caseNumber}}',
        html: '<!doctype html><html><body style="font-family:Arial,sans-serif"><p>Dear {{customer.name}},</p><p>We are extending the time to resolve your complaint <strong>{{caseNumber}}</strong> by {{days}} working days, until {{tanggal dueDate "en"}}.</p><p>Reason: {{reason}}</p><p>Kind regards,<br>Customer Care</p></body></html>',
        text: 'Dear {{customer.name}},\n\nWe are extending the time to resolve your complaint {{caseNumber}} by {{days}} working days, until {{tanggal dueDate "en"}}.\nReason: {{reason}}\n\nKind regards,\nCustomer Care',
      },
    },
  },
];
