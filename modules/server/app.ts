import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import {
  type ControlledClock,
  createCamundaAuthHeaders,
  createClockHandler,
  createReadApiHandler,
} from '../../engine/index.ts';
import { Accounts, requireLogin, Sessions } from '../identity/index.ts';
import { designerRoutes } from './designer.ts';
import { docsRoutes } from './docs.ts';
import { errorHandler, problem, ServerError, validationError } from './errors.ts';
import { healthRoutes } from './health.ts';
import { requestLogger } from './logger.ts';
import type { ModuleContext, PlatformModule } from './module.ts';
import { createReadApiForwarder } from './v2-forward.ts';
import { maskReadAnswer, refusedValueQuery } from './v2-masking.ts';

export type AppEnv = { Variables: { requestId: string } };

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** The HTTP application: middleware, the platform's own routes, then each module's. */
export function createApp(
  context: ModuleContext & { clock: ControlledClock },
  modules: PlatformModule[],
): OpenAPIHono<AppEnv> {
  const { config, logger } = context;
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error.issues, result.target);
    },
  });

  app.use(requestId());
  app.use(requestLogger(logger));
  // Tracking pixels and links are loaded from mail clients on other origins.
  app.use('/api/notifications/track/*', async (c, next) => {
    await next();
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  });
  app.use(secureHeaders());
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ServerError('PAYLOAD_TOO_LARGE', `A request body may be at most ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );
  app.onError(errorHandler(logger));
  app.notFound((c) =>
    problem(c, { status: 404, code: 'NOT_FOUND', detail: `No route for ${c.req.method} ${c.req.path}` }),
  );

  healthRoutes(app as unknown as OpenAPIHono, context);
  if (config.engine.clockControlled) {
    const clockHandler = createClockHandler(context.clock);
    app.all('/v2/clock/*', async (c, next) => (await clockHandler(c.req.raw)) ?? next());
    app.all('/v2/clock', async (c, next) => (await clockHandler(c.req.raw)) ?? next());
  }
  // The /v2 read API is behind login and the processes.read permission (DESIGN seam 3); the
  // clock routes above are for tests and demos only and stay as Camunda has them.
  const login = {
    sessions: new Sessions(context.sequelize),
    accounts: new Accounts(context.sequelize),
    clock: context.clock,
  };
  app.use(async (c, next) => {
    c.set('login', login);
    await next();
  });
  const readGuard = requireLogin(login, 'processes.read');
  app.use('/v2/*', async (c, next) => (c.req.path.startsWith('/v2/clock') ? next() : readGuard(c, next)));
  const readHandler =
    config.engine.mode === 'embedded' && context.engineStore
      ? createReadApiHandler(context.engineStore)
      : config.engine.mode === 'zeebe' && config.engine.zeebeRestAddress
        ? createReadApiForwarder(
            config.engine.zeebeRestAddress,
            config.engine.camundaAuth.CAMUNDA_AUTH_STRATEGY &&
              config.engine.camundaAuth.CAMUNDA_AUTH_STRATEGY !== 'NONE'
              ? createCamundaAuthHeaders(config.engine.camundaAuth)
              : undefined,
          )
        : undefined;
  if (readHandler) {
    // Personal fields in variables are masked here for the caller's roles (v2-masking.ts).
    app.all('/v2/*', async (c, next) => {
      if (c.req.path.startsWith('/v2/clock')) return next();
      const { roles } = c.get('principal');
      if (c.req.method === 'POST') {
        const body = await c.req.raw
          .clone()
          .json()
          .catch(() => undefined);
        const refusal = refusedValueQuery(c.req.path, body, roles);
        if (refusal) return problem(c, { status: 403, code: 'PERSONAL_DATA_QUERY', detail: refusal });
      }
      const answer = await readHandler(c.req.raw);
      return answer ? maskReadAnswer(c.req.path, answer, roles) : next();
    });
  }
  for (const module of modules) module.routes?.(app as unknown as OpenAPIHono, context);
  docsRoutes(app as unknown as OpenAPIHono);
  designerRoutes(app as unknown as Parameters<typeof designerRoutes>[0]);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'BPM CRM platform API',
      version: '0.1.0',
      description:
        'Errors are application/problem+json (RFC 9457) with a code and, for invalid input, one entry per field.',
    },
  });
  return app;
}
