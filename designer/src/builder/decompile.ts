import { compile, FLOW_PROPERTY } from './compile.ts';
import type { Flow } from './flow.ts';
import { parseFlow } from './validate.ts';

/**
 * The way back from BPMN to the builder. A model made by the builder carries its flow as JSON
 * (`zeebe:property builder.flow`); it opens again in the builder when its process is still
 * what the builder would make of that flow. A model changed in the modeler since (a task
 * added, a name edited) does not: the builder would silently drop the change. The diagram's
 * layout does not count, since the builder lays the flow out again anyway.
 *
 * Plain string work, no DOM and no moddle, so it runs the same in Node and in the browser.
 */

/** The flow `xml` was compiled from, if the builder made it and nobody changed its process since. */
export function decompile(xml: string): Flow | undefined {
  const flow = storedFlow(xml);
  if (!flow) return undefined;
  const process = processSignature(xml);
  return process !== undefined && process === processSignature(compile(flow)) ? flow : undefined;
}

/** The flow stored in `xml` by the builder, whether or not the process was changed since. */
export function storedFlow(xml: string): Flow | undefined {
  for (const tag of xml.matchAll(/<(?:[\w.-]+:)?property\b([^>]*)>/g)) {
    const attributes = parseAttributes(tag[1] ?? '');
    if (attributes.name !== FLOW_PROPERTY || attributes.value === undefined) continue;
    try {
      return parseFlow(JSON.parse(attributes.value));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The process element as a canonical string: each tag with its attributes sorted and decoded,
 * each non-blank text decoded, in document order — the same whoever wrote the XML (quotes,
 * entity forms, indentation, attribute order and self-closing tags do not matter).
 */
export function processSignature(xml: string): string | undefined {
  const open = /<([\w.-]+:)?process\b/.exec(xml);
  if (!open) return undefined;
  const close = xml.indexOf(`</${open[1] ?? ''}process>`, open.index);
  if (close < 0) return undefined;
  const section = xml.slice(open.index, close);
  const tokens: string[] = [];
  for (const match of section.matchAll(/<(\/?)([\w.:-]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, closing, name, rest, , content] = match;
    if (content !== undefined) {
      const value = decode(content).trim();
      if (value) tokens.push(`#${value}`);
    } else if (closing) tokens.push(`</${localName(name)}>`);
    else {
      const parsed = parseAttributes(rest ?? '');
      // The stored flow is what was parsed: its JSON may differ in key order, not in meaning.
      if (parsed.name === FLOW_PROPERTY) parsed.value = '';
      const attributes = Object.entries(parsed)
        .filter(([key]) => !key.startsWith('xmlns'))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => `${key}=${JSON.stringify(value)}`);
      tokens.push(`<${localName(name)} ${attributes.join(' ')}>`);
      if (match[4]) tokens.push(`</${localName(name)}>`);
    }
  }
  return tokens.join('\n');
}

/** Element names without their prefix: another writer may bind the same namespace to another prefix. */
function localName(name: string | undefined): string {
  return (name ?? '').replace(/^[\w.-]+:/, '');
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, key, double, single] of source.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    if (key) attributes[key] = decode(double ?? single ?? '');
  return attributes;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity] ?? whole;
  });
}
