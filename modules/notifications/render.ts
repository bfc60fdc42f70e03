import Handlebars from 'handlebars';
import type { FieldError } from '../server/errors.ts';
import { NotificationsError } from './errors.ts';
import type { Channel, LocaleContent, TemplateContent } from './schema.ts';

/** One handlebars environment for every template, with the helpers the bank's texts need. */
const hb = Handlebars.create();

const rupiah = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
hb.registerHelper('rupiah', (value: unknown) => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? `Rp ${rupiah.format(n)}` : '';
});
/** `{{tanggal dueDate}}` → 25 Desember 2026 (WIB); `{{tanggal dueDate "en"}}` → 25 December 2026. */
hb.registerHelper('tanggal', (value: unknown, ...rest: unknown[]) => {
  const locale = rest.length > 1 && rest[0] === 'en' ? 'en-GB' : 'id-ID';
  const date = typeof value === 'number' || typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Jakarta' }).format(date);
});

type Part = keyof LocaleContent;
const PARTS: Part[] = ['subject', 'html', 'text'];
/** Only HTML escapes what it inserts; a subject or a text message carries the value as it is. */
const escapes = (part: Part) => part === 'html';

const compiled = new Map<string, HandlebarsTemplateDelegate>();
const MAX_CACHED = 500;

function compile(source: string, part: Part): HandlebarsTemplateDelegate {
  const cacheKey = `${part}\u0000${source}`;
  let template = compiled.get(cacheKey);
  if (!template) {
    template = hb.compile(source, { noEscape: !escapes(part), strict: false });
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(cacheKey, template);
  }
  return template;
}

/** What a channel carries: e-mail a subject, HTML and text; SMS and WhatsApp text alone. */
const NEEDS: Record<Channel, { required: Part[]; allowed: Part[]; maxText: number }> = {
  email: { required: ['subject', 'html', 'text'], allowed: PARTS, maxText: 20_000 },
  sms: { required: ['text'], allowed: ['text'], maxText: 1_600 },
  whatsapp: { required: ['text'], allowed: ['text'], maxText: 4_096 },
};

/**
 * Every problem of a template's content, each naming its field (`body.content.id.subject`):
 * bad handlebars syntax, a part the channel needs missing or one it cannot carry, and what
 * fails when the template is filled in with its sample data (an unknown helper).
 */
export function checkTemplate(
  channel: Channel,
  content: TemplateContent,
  sampleData: Record<string, unknown>,
): FieldError[] {
  const errors: FieldError[] = [];
  const needs = NEEDS[channel];
  for (const locale of ['id', 'en'] as const) {
    for (const part of PARTS) {
      const field = `body.content.${locale}.${part}`;
      const source = content[locale][part];
      if (source === undefined) {
        if (needs.required.includes(part)) errors.push({ field, message: `${channel} needs a ${part}` });
        continue;
      }
      if (!needs.allowed.includes(part)) {
        errors.push({ field, message: `${channel} carries no ${part}` });
        continue;
      }
      if (part === 'text' && source.length > needs.maxText)
        errors.push({ field, message: `at most ${needs.maxText} characters for ${channel}` });
      try {
        hb.precompile(source, { noEscape: !escapes(part), strict: false });
        compile(source, part)(sampleData);
      } catch (error) {
        errors.push({ field, message: firstLines(error) });
      }
    }
  }
  return errors;
}

/** The parts of one locale filled in with `data`. */
export function render(content: LocaleContent, data: Record<string, unknown>): LocaleContent {
  const out: Partial<Record<Part, string>> = {};
  for (const part of PARTS) {
    const source = content[part];
    if (source === undefined) continue;
    try {
      out[part] = compile(source, part)(data);
    } catch (error) {
      throw new NotificationsError(
        'TEMPLATE_RENDER_FAILED',
        `The ${part} cannot be filled in: ${firstLines(error)}`,
      );
    }
  }
  return out as LocaleContent;
}

function firstLines(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').slice(0, 3).join(' ').slice(0, 300);
}

const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute value as a browser reads it (handlebars escapes & = ' ` as entities). */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The http(s) links of an e-mail's HTML, in order: the only places a click redirect may lead
 * (never an open redirect). With `rewrite`, each link is replaced by what it returns.
 */
export function trackLinks(
  html: string,
  rewrite?: (url: string, index: number) => string,
): { html: string; links: string[] } {
  const links: string[] = [];
  const out = html.replace(HREF, (whole, double: string | undefined, single: string | undefined) => {
    const url = decodeAttribute(double ?? single ?? '').trim();
    if (!/^https?:\/\//i.test(url)) return whole;
    links.push(url);
    return rewrite ? `href="${escapeAttribute(rewrite(url, links.length - 1))}"` : whole;
  });
  return { html: out, links };
}

/** The HTML with a 1×1 tracking image at the end of its body. */
export function withPixel(html: string, pixelUrl: string): string {
  const img = `<img src="${escapeAttribute(pixelUrl)}" width="1" height="1" alt="" style="display:none">`;
  const at = html.search(/<\/body\s*>/i);
  return at < 0 ? `${html}${img}` : `${html.slice(0, at)}${img}${html.slice(at)}`;
}
