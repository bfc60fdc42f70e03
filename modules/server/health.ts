import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sequelize } from 'sequelize';
import type { Clock } from '../../engine/index.ts';
import type { Config } from './config.ts';
import { describeDatabase } from './database-url.ts';

const Health = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    demo: z.boolean(),
    time: z.iso.datetime().describe('The platform clock; differs from the wall clock when pinned'),
    clockPinned: z.boolean(),
    database: z.object({ dialect: z.enum(['sqlite', 'mysql']), url: z.string(), up: z.boolean() }),
    engine: z.object({
      mode: z.enum(['embedded', 'zeebe']),
      address: z.string().describe('Where Zeebe clients connect (host:port)'),
      database: z.string().optional().describe('The embedded engine database'),
      role: z
        .enum(['active', 'standby'])
        .optional()
        .describe('Embedded engine: whether this process applies commands or waits for the lease'),
    }),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['platform'],
  summary: 'Whether the platform is up, and which engine and database it uses',
  responses: {
    200: { description: 'Up', content: { 'application/json': { schema: Health } } },
    503: { description: 'The database does not answer', content: { 'application/json': { schema: Health } } },
  },
});

export function healthRoutes(
  app: OpenAPIHono,
  deps: {
    config: Config;
    sequelize: Sequelize;
    clock: Clock;
    zeebeAddress: string;
    engineActive?: () => boolean;
  },
) {
  const { config, sequelize, clock, zeebeAddress, engineActive } = deps;
  app.openapi(route, async (c) => {
    const up = await sequelize.query('SELECT 1').then(
      () => true,
      () => false,
    );
    const body = {
      status: up ? ('ok' as const) : ('unavailable' as const),
      demo: config.demo,
      time: new Date(clock.now()).toISOString(),
      clockPinned: clock.pinned,
      database: { dialect: config.database.dialect, url: describeDatabase(config.database), up },
      engine: {
        mode: config.engine.mode,
        address: zeebeAddress,
        ...(config.engine.mode === 'embedded'
          ? {
              database: describeDatabase(config.engine.database),
              role: engineActive?.() === false ? ('standby' as const) : ('active' as const),
            }
          : {}),
      },
    };
    return up ? c.json(body, 200) : c.json(body, 503);
  });
}
