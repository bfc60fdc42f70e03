import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requires } from '../identity/middleware.ts';
import { problemResponses } from '../server/problem-schema.ts';
import { presentEntry } from './present.ts';
import * as s from './schema.ts';
import { staffOf } from './scope.ts';
import { screenPerson } from './screening.ts';
import type { Watchlist } from './watchlist.ts';

const tags = ['onboarding'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const body = <T>(schema: T) => ({ body: { content: json(schema), required: true } });

const Hit = z.object({
  entryId: z.string(),
  listedName: z.string(),
  matchedName: z.string(),
  category: z.string(),
  listSource: z.string(),
  nameScore: z.number(),
  birthDateMatch: z.boolean().nullable(),
  score: z.number(),
});

/** The AML watch list, kept by compliance; every change is audited. */
export function watchlistRoutes(app: OpenAPIHono, watchlist: Watchlist) {
  app.openapi(
    createRoute({
      ...requires('onboarding.watchlist'),
      method: 'get',
      path: '/api/onboarding/watchlist',
      tags,
      summary: 'The watch list in force',
      responses: {
        200: { description: 'Entries', content: json(z.object({ items: z.array(s.WatchlistEntryDto) })) },
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: (await watchlist.active()).map(presentEntry) }, 200),
  );

  app.openapi(
    createRoute({
      ...requires('onboarding.watchlist'),
      method: 'post',
      path: '/api/onboarding/watchlist',
      tags,
      summary: 'Add a person to the watch list',
      request: body(s.WatchlistEntryBody),
      responses: {
        201: { description: 'Added', content: json(s.WatchlistEntryDto) },
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => c.json(presentEntry(await watchlist.add(c.req.valid('json'), staffOf(c))), 201),
  );

  app.openapi(
    createRoute({
      ...requires('onboarding.watchlist'),
      method: 'patch',
      path: '/api/onboarding/watchlist/{id}',
      tags,
      summary: 'Change a watch-list entry',
      request: { params: s.IdParam, ...body(s.WatchlistChangesBody) },
      responses: {
        200: { description: 'The entry as it is now', content: json(s.WatchlistEntryDto) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        presentEntry(await watchlist.change(c.req.valid('param').id, c.req.valid('json'), staffOf(c))),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...requires('onboarding.watchlist'),
      method: 'delete',
      path: '/api/onboarding/watchlist/{id}',
      tags,
      summary: 'Remove an entry (kept for the hits that named it, no longer screened against)',
      request: { params: s.IdParam },
      responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      await watchlist.remove(c.req.valid('param').id, staffOf(c));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      ...requires('onboarding.watchlist'),
      method: 'post',
      path: '/api/onboarding/watchlist/screen',
      tags,
      summary: 'Screen a name (and birth date) against the watch list, as the process does',
      request: body(s.ScreenBody),
      responses: {
        200: {
          description: 'Hits, best first',
          content: json(z.object({ bestScore: z.number(), hits: z.array(Hit) })),
        },
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const { fullName, birthDate } = c.req.valid('json');
      const staff = staffOf(c);
      const result = screenPerson({ fullName, birthDate: birthDate ?? null }, await watchlist.active());
      await watchlist.recordScreening(staff, result.hits.length);
      return c.json(result, 200);
    },
  );
}
