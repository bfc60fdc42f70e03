import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';

/** Where `npm run build:designer` puts the designer (designer/vite.config.ts). */
export const DESIGNER_DIST = fileURLToPath(new URL('../../designer/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * Serves the built designer at `/`: its hashed assets for a year, `index.html` for every other
 * path outside `/api` and `/v2` (the designer routes in the hash). Without a build, `/`
 * says how to make one.
 */
export function designerRoutes(app: Hono, dist: string = DESIGNER_DIST): void {
  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/v2')) return next();
    const file = await existing(dist, path === '/' ? 'index.html' : path.slice(1));
    const target = file ?? (extname(path) ? undefined : await existing(dist, 'index.html'));
    if (!target) {
      if (path !== '/') return next();
      return c.text('The designer is not built: run `npm run build:designer` (npm start does it).', 503);
    }
    const body = await readFile(target);
    const immutable = target.includes(`${sep}assets${sep}`);
    return c.body(body, 200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });
}

async function existing(dist: string, relative: string): Promise<string | undefined> {
  const full = normalize(join(dist, relative));
  if (!full.startsWith(normalize(dist))) return undefined;
  const info = await stat(full).catch(() => undefined);
  return info?.isFile() ? full : undefined;
}
