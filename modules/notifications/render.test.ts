import { describe, expect, it } from 'vitest';
import { checkTemplate, decodeAttribute, render, trackLinks, withPixel } from './render.ts';
import { SEED_TEMPLATES } from './seed-templates.ts';
import { sign, verify } from './signature.ts';
import { TrackingTokens } from './tracking.ts';

const email = (html: string) => ({
  id: { subject: 'Halo {{customer.name}}', html, text: 'Halo {{customer.name}}' },
  en: { subject: 'Hello', html: '<p>Hello</p>', text: 'Hello' },
});

describe('templates: checking and rendering', () => {
  it('every seeded template is valid for its channel and renders its sample data', () => {
    for (const t of SEED_TEMPLATES) {
      expect(checkTemplate(t.channel, t.content, t.sampleData), `${t.key}/${t.channel}`).toEqual([]);
      expect(render(t.content.id, t.sampleData).text).not.toContain('{{');
    }
  });

  it('bad handlebars syntax is reported on the field it is in', () => {
    const errors = checkTemplate('email', email('<p>{{#if x}}unclosed</p>'), {});
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe('body.content.id.html');
    expect(errors[0]?.message).toMatch(/Parse error|doesn't match|Expecting/);
  });

  it('an unknown helper is caught with the sample data, naming the field', () => {
    const errors = checkTemplate('sms', { id: { text: '{{rupiahh 5 6}}' }, en: { text: 'ok' } }, {});
    expect(errors.map((e) => e.field)).toEqual(['body.content.id.text']);
  });

  it('e-mail needs a subject and HTML; SMS carries text alone', () => {
    const fields = (channel: 'email' | 'sms', content: never) =>
      checkTemplate(channel, content, {}).map((e) => e.field);
    expect(
      fields('email', { id: { text: 'a' }, en: { text: 'b', subject: 's', html: 'h' } } as never),
    ).toEqual(['body.content.id.subject', 'body.content.id.html']);
    expect(fields('sms', { id: { text: 'a', html: '<p>a</p>' }, en: { text: 'b' } } as never)).toEqual([
      'body.content.id.html',
    ]);
    expect(fields('sms', { id: { text: 'x'.repeat(1601) }, en: { text: 'b' } } as never)).toEqual([
      'body.content.id.text',
    ]);
  });

  it('escapes what it inserts into HTML only; formats rupiah and WIB dates in Bahasa Indonesia', () => {
    const content = {
      subject: '{{name}}',
      html: '<p>{{name}}</p>',
      text: '{{name}} {{rupiah n}} {{tanggal d}}',
    };
    const out = render(content, { name: 'Tom & <Jerry>', n: 10_000_000, d: '2026-12-24T18:00:00Z' });
    expect(out.html).toBe('<p>Tom &amp; &lt;Jerry&gt;</p>');
    expect(out.subject).toBe('Tom & <Jerry>');
    expect(out.text).toBe('Tom & <Jerry> Rp 10.000.000 25 Desember 2026');
  });
});

describe('tracking: links, pixel, tokens, signatures', () => {
  it('finds http(s) links as a browser reads them and rewrites only those', () => {
    const html = `<a href="https://a.example/x?a=1&amp;b&#x3D;2">a</a> <a href='mailto:cs@bank.example'>m</a> <a href="http://b.example">b</a>`;
    const { links } = trackLinks(html);
    expect(links).toEqual(['https://a.example/x?a=1&b=2', 'http://b.example']);
    const rewritten = trackLinks(html, (_url, i) => `https://t.example/c/${i}?q=1&r=2`).html;
    expect(rewritten).toContain('href="https://t.example/c/0?q=1&amp;r=2"');
    expect(rewritten).toContain("href='mailto:cs@bank.example'");
    expect(decodeAttribute('&#39;&quot;&#96;')).toBe('\'"`');
  });

  it('puts the pixel at the end of the body', () => {
    expect(withPixel('<html><body><p>x</p></body></html>', 'https://t/p')).toBe(
      '<html><body><p>x</p><img src="https://t/p" width="1" height="1" alt="" style="display:none"></body></html>',
    );
  });

  it('a tracking token names its message and cannot be made for another', () => {
    const tokens = new TrackingTokens(Buffer.alloc(32, 1), 'https://crm.bank.example');
    const id = '3f0b8f5e-8a39-4d0c-9d55-6a1c1f0a2b3c';
    const token = tokens.token(id);
    expect(token).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{22}$/);
    expect(tokens.messageOf(token)).toBe(id);
    expect(tokens.messageOf(token.replace(id, '3f0b8f5e-8a39-4d0c-9d55-6a1c1f0a2b3d'))).toBeUndefined();
    expect(new TrackingTokens(Buffer.alloc(32, 2), '').messageOf(token)).toBeUndefined();
    expect(tokens.pixelUrl(id)).toBe(`https://crm.bank.example/api/notifications/track/${token}/open`);
  });

  it('a signature holds for its body and time only', () => {
    const now = Date.parse('2026-12-01T03:00:00Z');
    const header = sign('s3cret', '{"a":1}', now);
    expect(verify('s3cret', header, '{"a":1}', now + 1000)).toBe(true);
    expect(verify('s3cret', header, '{"a":2}', now)).toBe(false);
    expect(verify('other', header, '{"a":1}', now)).toBe(false);
    expect(verify('s3cret', header, '{"a":1}', now + 10 * 60_000)).toBe(false);
    expect(verify('s3cret', undefined, '{"a":1}', now)).toBe(false);
    expect(verify('s3cret', 't=1,v1=zz', '{"a":1}', now)).toBe(false);
  });
});
