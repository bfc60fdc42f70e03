import type { Channel, Purpose, TemplateContent } from './schema.ts';

export interface SeedTemplate {
  key: string;
  channel: Channel;
  purpose: Purpose;
  description: string;
  content: TemplateContent;
  sampleData: Record<string, unknown>;
}

const footer = {
  id: 'Salam hormat,<br>Layanan Nasabah<br><small>Pesan ini dikirim otomatis, mohon tidak membalas.</small>',
  en: 'Kind regards,<br>Customer Care<br><small>This message was sent automatically; please do not reply.</small>',
};
const caseSample = {
  caseNumber: 'PGD-2026-000123',
  resolution: 'Dana sebesar Rp 1.500.000 telah dikembalikan ke rekening Anda.',
  surveyUrl: 'https://survei.bank.example/kepuasan?kasus=PGD-2026-000123',
};
const html = (body: string, closing: string) =>
  `<!doctype html><html><body style="font-family:Arial,sans-serif">${body}<p>${closing}</p></body></html>`;

/**
 * The templates every installation needs, production included (service messages the shipped
 * processes send), and one offer for the campaign demo. Seeded once by a migration, so an
 * admin's later edits stay.
 */
export const SEED_TEMPLATES: SeedTemplate[] = [
  {
    key: 'case.resolved',
    channel: 'email',
    purpose: 'service',
    description: 'Pengaduan selesai: hasilnya dan permintaan survei kepuasan (1–5)',
    sampleData: { ...caseSample, customer: { name: 'Budi Santoso Siregar' } },
    content: {
      id: {
        subject: 'Pengaduan Anda telah diselesaikan ({{caseNumber}})',
        html: html(
          '<p>Yth. Bapak/Ibu {{customer.name}},</p><p>Pengaduan Anda dengan nomor <strong>{{caseNumber}}</strong> telah kami selesaikan.</p>{{#if resolution}}<p>Penyelesaian: {{resolution}}</p>{{/if}}<p>Mohon luangkan waktu satu menit untuk <a href="{{surveyUrl}}">menilai layanan kami</a>.</p>',
          footer.id,
        ),
        text: 'Yth. Bapak/Ibu {{customer.name}},\n\nPengaduan Anda dengan nomor {{caseNumber}} telah kami selesaikan.{{#if resolution}}\nPenyelesaian: {{resolution}}{{/if}}\n\nMohon nilai layanan kami: {{surveyUrl}}\n\nSalam hormat,\nLayanan Nasabah',
      },
      en: {
        subject: 'Your complaint has been resolved ({{caseNumber}})',
        html: html(
          '<p>Dear {{customer.name}},</p><p>Your complaint <strong>{{caseNumber}}</strong> has been resolved.</p>{{#if resolution}}<p>Resolution: {{resolution}}</p>{{/if}}<p>Please take a minute to <a href="{{surveyUrl}}">rate our service</a>.</p>',
          footer.en,
        ),
        text: 'Dear {{customer.name}},\n\nYour complaint {{caseNumber}} has been resolved.{{#if resolution}}\nResolution: {{resolution}}{{/if}}\n\nPlease rate our service: {{surveyUrl}}\n\nKind regards,\nCustomer Care',
      },
    },
  },
  {
    key: 'case.resolved',
    channel: 'sms',
    purpose: 'service',
    description: 'Pengaduan selesai, lewat SMS',
    sampleData: { ...caseSample, customer: { name: 'Budi Santoso Siregar' } },
    content: {
      id: {
        text: 'Yth. {{customer.name}}, pengaduan {{caseNumber}} telah diselesaikan. Nilai layanan kami: {{surveyUrl}}',
      },
      en: {
        text: 'Dear {{customer.name}}, complaint {{caseNumber}} has been resolved. Rate us: {{surveyUrl}}',
      },
    },
  },
  {
    key: 'case.received',
    channel: 'whatsapp',
    purpose: 'service',
    description: 'Pengaduan diterima, dengan batas waktu jawaban (POJK 22/2023)',
    sampleData: {
      caseNumber: 'PGD-2026-000123',
      dueDate: '2026-12-08T16:59:59.999Z',
      customer: { name: 'Budi' },
    },
    content: {
      id: {
        text: 'Yth. {{customer.name}}, pengaduan Anda telah kami terima dengan nomor {{caseNumber}}. Kami akan menjawab paling lambat {{tanggal dueDate}}.',
      },
      en: {
        text: 'Dear {{customer.name}}, we have received your complaint {{caseNumber}} and will answer by {{tanggal dueDate "en"}}.',
      },
    },
  },
  {
    key: 'onboarding.welcome',
    channel: 'email',
    purpose: 'service',
    description: 'Selamat datang: rekening dibuka, siapa relationship manager-nya',
    sampleData: {
      productName: 'Tabungan Martabe',
      branchName: 'Kantor Cabang Medan Kota',
      customer: { name: 'Siti' },
    },
    content: {
      id: {
        subject: 'Selamat datang, {{customer.name}}!',
        html: html(
          '<p>Yth. Bapak/Ibu {{customer.name}},</p><p>Terima kasih telah menjadi nasabah kami. {{productName}} Anda di {{branchName}} telah aktif.</p><p>Kelola rekening Anda kapan saja melalui <a href="https://bank.example/mobile">aplikasi mobile banking</a>.</p>',
          footer.id,
        ),
        text: 'Yth. Bapak/Ibu {{customer.name}},\n\nTerima kasih telah menjadi nasabah kami. {{productName}} Anda di {{branchName}} telah aktif.\n\nSalam hormat,\nLayanan Nasabah',
      },
      en: {
        subject: 'Welcome, {{customer.name}}!',
        html: html(
          '<p>Dear {{customer.name}},</p><p>Thank you for banking with us. Your {{productName}} at {{branchName}} is now active.</p><p>Manage it any time in our <a href="https://bank.example/mobile">mobile banking app</a>.</p>',
          footer.en,
        ),
        text: 'Dear {{customer.name}},\n\nThank you for banking with us. Your {{productName}} at {{branchName}} is now active.\n\nKind regards,\nCustomer Care',
      },
    },
  },
  {
    key: 'onboarding.welcome',
    channel: 'whatsapp',
    purpose: 'service',
    description: 'Selamat datang, lewat WhatsApp',
    sampleData: { productName: 'Tabungan Martabe', customer: { name: 'Siti' } },
    content: {
      id: {
        text: 'Selamat datang, {{customer.name}}! {{productName}} Anda telah aktif. Terima kasih telah memilih kami.',
      },
      en: {
        text: 'Welcome, {{customer.name}}! Your {{productName}} is now active. Thank you for choosing us.',
      },
    },
  },
  {
    key: 'promo.kartu-kredit',
    channel: 'email',
    purpose: 'marketing',
    description: 'Penawaran kartu kredit (kampanye); hanya dengan persetujuan pemasaran e-mail',
    sampleData: {
      limit: 10_000_000,
      offerUrl: 'https://bank.example/kartu-kredit?kampanye=KK-2026',
      customer: { name: 'Budi' },
    },
    content: {
      id: {
        subject: '{{customer.name}}, Kartu Kredit dengan limit hingga {{rupiah limit}} menanti Anda',
        html: html(
          '<p>Yth. Bapak/Ibu {{customer.name}},</p><p>Anda terpilih untuk Kartu Kredit kami dengan limit hingga <strong>{{rupiah limit}}</strong>, bebas iuran tahun pertama.</p><p><a href="{{offerUrl}}">Ajukan sekarang</a></p><p><small>Anda menerima e-mail ini karena menyetujui penawaran melalui e-mail. Untuk berhenti, hubungi kantor cabang atau layanan nasabah kami.</small></p>',
          footer.id,
        ),
        text: 'Yth. Bapak/Ibu {{customer.name}},\n\nAnda terpilih untuk Kartu Kredit kami dengan limit hingga {{rupiah limit}}, bebas iuran tahun pertama.\nAjukan: {{offerUrl}}\n\nUntuk berhenti menerima penawaran, hubungi kantor cabang atau layanan nasabah kami.',
      },
      en: {
        subject: '{{customer.name}}, a credit card with a limit of up to {{rupiah limit}} awaits you',
        html: html(
          '<p>Dear {{customer.name}},</p><p>You have been selected for our credit card with a limit of up to <strong>{{rupiah limit}}</strong>, no annual fee in the first year.</p><p><a href="{{offerUrl}}">Apply now</a></p><p><small>You receive this e-mail because you agreed to offers by e-mail. To stop them, contact your branch or customer care.</small></p>',
          footer.en,
        ),
        text: 'Dear {{customer.name}},\n\nYou have been selected for our credit card with a limit of up to {{rupiah limit}}, no annual fee in the first year.\nApply: {{offerUrl}}\n\nTo stop receiving offers, contact your branch or customer care.',
      },
    },
  },
  {
    key: 'promo.kartu-kredit',
    channel: 'whatsapp',
    purpose: 'marketing',
    description: 'Penawaran kartu kredit lewat WhatsApp; hanya dengan persetujuan pemasaran WhatsApp',
    sampleData: {
      limit: 10_000_000,
      offerUrl: 'https://bank.example/kartu-kredit?kampanye=KK-2026',
      customer: { name: 'Budi' },
    },
    content: {
      id: {
        text: 'Halo {{customer.name}}, Kartu Kredit dengan limit hingga {{rupiah limit}} menanti Anda. Ajukan: {{offerUrl}}. Balas BERHENTI untuk tidak menerima penawaran lagi.',
      },
      en: {
        text: 'Hello {{customer.name}}, a credit card with a limit of up to {{rupiah limit}} awaits you. Apply: {{offerUrl}}. Reply STOP to receive no more offers.',
      },
    },
  },
];
