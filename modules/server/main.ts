// `npm start`: reads the environment, starts the platform, stops cleanly on SIGTERM/SIGINT.
import { type Config, ConfigError, loadConfig } from './config.ts';
import { type RunningPlatform, startPlatform } from './platform.ts';
import { DatabaseModeError } from './platform-state.ts';

const EX_CONFIG = 78;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  fail(`${error.message}\nSee README.md, "Configuration", for every variable.`, EX_CONFIG);
}

// Signals are handled from the first moment: one that arrives during start-up stops the
// platform as soon as it has started.
let stopRequested = false;
let platform: RunningPlatform | undefined;
const stop = (signal?: NodeJS.Signals) => {
  if (signal) platform?.logger.info({ signal }, 'signal received');
  stopRequested = true;
  platform?.close().then(
    () => process.exit(0),
    (error) => fail(`Shutdown failed: ${String(error)}`, 1),
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

try {
  platform = await startPlatform(config);
} catch (error) {
  if (error instanceof DatabaseModeError) fail(`Invalid configuration:\n  ${error.message}`, EX_CONFIG);
  fail(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1);
}
if (stopRequested) stop('SIGTERM');
