// The SDK side of the engine benchmark in its own process: `tsx tests/bench/sdk-driver.ts
// <gateway address> <options as JSON>`. Prints one JSON line: the SdkRunResult.
import { createZeebeClient } from '../../engine/index.ts';
import { runThroughSdk, type SdkRunOptions } from './sdk-run.ts';

const [address, json] = process.argv.slice(2);
if (!address || !json) throw new Error('usage: sdk-driver.ts <gateway address> <options JSON>');
const zeebe = createZeebeClient({ address });
const result = await runThroughSdk(zeebe, JSON.parse(json) as SdkRunOptions, (edge) =>
  process.stdout.write(`measuring: ${edge}\n`),
);
process.stdout.write(`${JSON.stringify({ ...result, windowUs: result.windowUs.map(String) })}\n`);
// The SDK leaves client-side long-poll timers armed after close (see engine.ts).
process.exit(0);
