// Summarizes V8 .cpuprofile files (from `node --cpu-prof`): top functions by self time, and
// self time per package or source area. Usage:
//   tsx tests/bench/cpuprofile-top.ts FILE… [--top 25] [--window FROM..TO]
// where the window (µs on the monotonic clock) is what engine.ts prints under --cpu-prof.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { print, round } from './stats.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package, an area of this repository, node itself, or V8. */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').split('/')[0] as string;
  const own = url.match(/\/(engine\/[^/]+(?:\/[^/]+)?|modules\/[^/]+|tests\/[^/]+)\//);
  return own ? (own[1] as string) : url;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, window: { type: 'string' } },
});
const [from, to] = values.window ? values.window.split('..').map(Number) : [0, Number.POSITIVE_INFINITY];
const self = new Map<string, number>();
const areas = new Map<string, number>();
let total = 0;
for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    if (!node || at < (from as number) || at > (to as number)) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(/^.*?(node_modules\/|\/work\/main\/)/, '')}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'} ${where}`.trim();
    self.set(name, (self.get(name) ?? 0) + us);
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    total += us;
  });
}
const table = (map: Map<string, number>, top: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([name, us]) => `${String(round((100 * us) / total)).padStart(5)}%  ${round(us / 1000, 0)} ms  ${name}`,
    );
print(`total ${round(total / 1000, 0)} ms sampled`);
print('-- self time by area');
for (const line of table(areas, Number(values.top))) print(line);
print('-- top functions by self time');
for (const line of table(self, Number(values.top))) print(line);
