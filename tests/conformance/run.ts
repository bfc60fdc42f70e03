// `npm run test:conformance`: every scenario of tests/conformance played on Zeebe's own engine
// and on the embedded one through the same SDK calls; their traces must be identical. Prints a
// table; the last line reads `conformance: N/M identical`. Exits 1 when any differs.
import { isDeepStrictEqual } from 'node:util';
import { referenceEngineUnavailable } from '../harness/zeebe-engine.ts';
import { type EngineUnderTest, embeddedEngine, zeebeEngine } from './engines.ts';
import { play, type Trace } from './play.ts';
import { loadScenarios } from './scenario.ts';

const print = (line: string) => process.stdout.write(`${line}\n`);
const only = process.argv[2];
const scenarios = loadScenarios().filter((s) => !only || s.name.includes(only));

const unavailable = referenceEngineUnavailable();
if (unavailable) {
  print(`conformance: skipped, ${unavailable}`);
  process.exit(process.env.CI ? 1 : 0);
}

const engines: EngineUnderTest[] = [await zeebeEngine(), await embeddedEngine()];
let identical = 0;
const rows: string[] = [];
try {
  for (const scenario of scenarios) {
    const [zeebe, embedded] = (await Promise.all(
      engines.map((engine) => play(engine, scenario).catch((error: Error) => ({ crashed: error.message }))),
    )) as [Trace, Trace];
    const same = isDeepStrictEqual(zeebe, embedded);
    if (same) identical++;
    rows.push(`${same ? 'same   ' : 'DIFFERS'}  ${scenario.name.padEnd(40)} ${scenario.title}`);
    if (!same) print(describeDifference(scenario.name, zeebe, embedded));
  }
} finally {
  for (const engine of engines) await engine.close().catch(() => undefined);
}
print('');
for (const row of rows) print(row);
print(`conformance: ${identical}/${scenarios.length} identical`);
process.exit(identical === scenarios.length ? 0 : 1);

function describeDifference(name: string, zeebe: Trace, embedded: Trace): string {
  const lines = [`--- ${name}`];
  for (const field of new Set([...Object.keys(zeebe), ...Object.keys(embedded)])) {
    const a = (zeebe as unknown as Record<string, unknown>)[field];
    const b = (embedded as unknown as Record<string, unknown>)[field];
    if (isDeepStrictEqual(a, b)) continue;
    lines.push(`  ${field}:`, `    zeebe:    ${JSON.stringify(a)}`, `    embedded: ${JSON.stringify(b)}`);
  }
  return lines.join('\n');
}
