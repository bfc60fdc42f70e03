import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * `npm start` runs this first: builds the designer when designer/dist is missing or older than
 * its sources, so a fresh clone serves it without a separate step and a warm one starts at once.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const built = join(root, 'dist', 'index.html');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const sources = Math.max(newest(join(root, 'src')), statSync(join(root, 'index.html')).mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  process.stdout.write('building the designer (designer/dist)…\n');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}
