import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { problemResponses } from '../server/problem-schema.ts';
import { NotificationsError } from './errors.ts';
import { json } from './routes-templates.ts';
import * as s from './schema.ts';
import type { NotificationService } from './service.ts';
import { SIGNATURE_HEADER, verify } from './signature.ts';
import { PIXEL } from './tracking.ts';

const tags = ['notifications'];

/**
 * Checks a provider callback's signature over the raw body before anything else reads it
 * (the validator parses the same, cached, text afterwards). Timestamps are checked against
 * the wall clock: it is the provider's clock, not the platform's business time.
 */
function signed(secret: string | undefined): MiddlewareHandler {
  return async function verifySignature(c, next) {
    const raw = await c.req.text();
    if (!secret)
      throw new NotificationsError(
        'SIGNATURE_INVALID',
        'Delivery callbacks are off: WEBHOOK_SECRET is not set',
      );
    if (!verify(secret, c.req.header(SIGNATURE_HEADER), raw, Date.now()))
      throw new NotificationsError(
        'SIGNATURE_INVALID',
        `The ${SIGNATURE_HEADER} header is missing, stale, or does not sign this body with WEBHOOK_SECRET`,
      );
    await next();
  };
}

/** What customers' mail clients and the providers call: no login, each request proven otherwise. */
export function publicRoutes(app: OpenAPIHono, service: NotificationService, secret: string | undefined) {
  app.openapi(
    createRoute({
      middleware: signed(secret),
      method: 'post',
      path: '/api/notifications/webhooks/{channel}',
      tags,
      summary: `A provider reports delivered or failed (signed: ${SIGNATURE_HEADER}: t=<unix s>,v1=<hex HMAC-SHA256 of "t.body">)`,
      request: {
        params: z.object({
          channel: z.enum(['sms', 'whatsapp']).openapi({ param: { name: 'channel', in: 'path' } }),
        }),
        body: { content: json(s.CallbackBody), required: true },
      },
      responses: {
        200: {
          description: 'Recorded (a repeated report changes nothing)',
          content: json(z.object({ id: z.string(), status: z.enum(s.STATUSES) })),
        },
        ...problemResponses(400, 401, 404),
      },
    }),
    async (c) => c.json(await service.delivery(c.req.valid('param').channel, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/notifications/track/{token}/open',
      tags,
      summary: "The 1×1 image in an e-mail's HTML: counts an open",
      request: { params: s.TrackingToken },
      responses: {
        200: {
          description: 'A transparent GIF',
          content: { 'image/gif': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...problemResponses(400, 404),
      },
    }),
    async (c) => {
      await service.opened(c.req.valid('param').token);
      return c.body(new Uint8Array(PIXEL), 200, {
        'Content-Type': 'image/gif',
        'Cache-Control': 'no-store, max-age=0',
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/notifications/track/{token}/click/{link}',
      tags,
      summary: 'A link of an e-mail: counts a click and redirects to that link of that message, nowhere else',
      request: {
        params: s.TrackingToken.extend({
          link: z.coerce
            .number()
            .int()
            .min(0)
            .max(999)
            .openapi({ param: { name: 'link', in: 'path' } }),
        }),
      },
      responses: { 302: { description: 'To the link' }, ...problemResponses(400, 404) },
    }),
    async (c) => {
      const { token, link } = c.req.valid('param');
      return c.redirect(await service.clicked(token, link), 302);
    },
  );
}
