import type { SeedTemplate } from '../notifications/seed-templates.ts';

const offerSample = { offerUrl: 'https://bank.example/promo?kampanye=DEMO', customer: { name: 'Budi' } };
const stop = {
  id: 'Balas BERHENTI untuk tidak menerima penawaran lagi.',
  en: 'Reply STOP to receive no more offers.',
};
const html = (body: string) =>
  `<!doctype html><html><body style="font-family:Arial,sans-serif">${body}</body></html>`;

/**
 * The offers the campaigns send (marketing purpose: the dispatcher sends them only with consent
 * on the channel and inside the contact window), seeded into notifications' template tables by
 * this module's migration, as notifications seeds its own. `promo.kartu-kredit` exists there for
 * e-mail and WhatsApp; its SMS version is added here.
 */
export const CAMPAIGN_TEMPLATES: SeedTemplate[] = [
  {
    key: 'promo.kartu-kredit',
    channel: 'sms',
    purpose: 'marketing',
    description: 'Penawaran kartu kredit lewat SMS; hanya dengan persetujuan pemasaran SMS',
    sampleData: { limit: 10_000_000, ...offerSample },
    content: {
      id: {
        text: `{{customer.name}}, Kartu Kredit limit hingga {{rupiah limit}} menanti Anda. Ajukan: {{offerUrl}}. ${stop.id}`,
      },
      en: {
        text: `{{customer.name}}, a credit card with a limit of up to {{rupiah limit}} awaits. Apply: {{offerUrl}}. ${stop.en}`,
      },
    },
  },
  ...(['sms', 'whatsapp'] as const).map(
    (channel): SeedTemplate => ({
      key: 'promo.deposito',
      channel,
      purpose: 'marketing',
      description: `Penawaran deposito berjangka lewat ${channel === 'sms' ? 'SMS' : 'WhatsApp'}`,
      sampleData: { rate: '5,25', ...offerSample },
      content: {
        id: {
          text: `Halo {{customer.name}}, Deposito Berjangka bunga {{rate}}% p.a. kini tersedia. Info: {{offerUrl}}. ${stop.id}`,
        },
        en: {
          text: `Hello {{customer.name}}, time deposits at {{rate}}% p.a. are now available. Details: {{offerUrl}}. ${stop.en}`,
        },
      },
    }),
  ),
  {
    key: 'promo.deposito',
    channel: 'email',
    purpose: 'marketing',
    description: 'Penawaran deposito berjangka lewat e-mail',
    sampleData: { rate: '5,25', ...offerSample },
    content: {
      id: {
        subject: 'Deposito Berjangka bunga {{rate}}% p.a. untuk Anda',
        html: html(
          '<p>Yth. Bapak/Ibu {{customer.name}},</p><p>Kembangkan dana Anda dengan Deposito Berjangka bunga <strong>{{rate}}% p.a.</strong></p><p><a href="{{offerUrl}}">Buka deposito</a></p><p><small>Anda menerima e-mail ini karena menyetujui penawaran melalui e-mail. Untuk berhenti, hubungi kantor cabang atau layanan nasabah kami.</small></p>',
        ),
        text: 'Yth. Bapak/Ibu {{customer.name}},\n\nDeposito Berjangka bunga {{rate}}% p.a. kini tersedia.\nBuka deposito: {{offerUrl}}\n\nUntuk berhenti menerima penawaran, hubungi kantor cabang atau layanan nasabah kami.',
      },
      en: {
        subject: 'Time deposits at {{rate}}% p.a. for you',
        html: html(
          '<p>Dear {{customer.name}},</p><p>Grow your savings with a time deposit at <strong>{{rate}}% p.a.</strong></p><p><a href="{{offerUrl}}">Open a deposit</a></p><p><small>You receive this e-mail because you agreed to offers by e-mail. To stop them, contact your branch or customer care.</small></p>',
        ),
        text: 'Dear {{customer.name}},\n\nTime deposits at {{rate}}% p.a. are now available.\nOpen one: {{offerUrl}}\n\nTo stop receiving offers, contact your branch or customer care.',
      },
    },
  },
  ...(['sms', 'whatsapp'] as const).map(
    (channel): SeedTemplate => ({
      key: 'promo.kpr',
      channel,
      purpose: 'marketing',
      description: `Penawaran KPR bunga tetap lewat ${channel === 'sms' ? 'SMS' : 'WhatsApp'}`,
      sampleData: { years: 3, ...offerSample },
      content: {
        id: {
          text: `{{customer.name}}, wujudkan rumah impian dengan KPR bunga tetap {{years}} tahun. Info: {{offerUrl}}. ${stop.id}`,
        },
        en: {
          text: `{{customer.name}}, buy your home with a mortgage fixed for {{years}} years. Details: {{offerUrl}}. ${stop.en}`,
        },
      },
    }),
  ),
];
