import type { MiddlewareHandler } from 'hono';
import { type Logger, pino } from 'pino';
import type { LogLevel } from './config.ts';

/** JSON logs on stdout; secrets and credentials never reach them. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'bpm-crm' },
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  });
}

/**
 * Logs each request once it is answered, with its request id, status and duration (no child
 * logger per request: it would cost every request an allocation the log line does not need).
 */
export function requestLogger(logger: Logger): MiddlewareHandler {
  return async function logRequest(c, next) {
    const started = performance.now();
    await next();
    const level = c.res.status >= 500 ? 'error' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    const ms = Math.round((performance.now() - started) * 10) / 10;
    logger[level](
      { requestId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms },
      'request',
    );
  };
}
