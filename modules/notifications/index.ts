import { BusinessCalendar } from '../calendar/index.ts';
import { CustomerService } from '../customers/index.ts';
import type { ModuleContext, PlatformModule } from '../server/module.ts';
import { channelAdapters } from './channels/index.ts';
import { Dispatcher } from './dispatcher.ts';
import { messageRoutes } from './routes-messages.ts';
import { publicRoutes } from './routes-public.ts';
import { templateRoutes } from './routes-templates.ts';
import { NotificationService } from './service.ts';
import { Templates } from './templates.ts';
import { TrackingTokens } from './tracking.ts';
import { sendWorker } from './workers/send.ts';

export { NotificationsError } from './errors.ts';
export { NotificationService, type QueueContext, type QueueRequest } from './service.ts';

/** One service per platform: routes, the worker and the dispatcher share it. */
const services = new WeakMap<ModuleContext, NotificationService>();
export function notificationService(context: ModuleContext): NotificationService {
  let service = services.get(context);
  if (!service) {
    service = new NotificationService(
      new CustomerService(context),
      new Templates(context),
      new TrackingTokens(context.config.dataKey, context.config.notifications.publicUrl),
    );
    services.set(context, service);
  }
  return service;
}

/**
 * notifications: versioned handlebars templates (Bahasa Indonesia and English); a
 * transactional outbox sent by a dispatcher on every replica (leases, retries with backoff,
 * dead letters); e-mail over SMTP, SMS and WhatsApp through signed webhooks; marketing rules
 * (consent, contact window) checked at send time; delivery, open and click tracking; the
 * worker `crm.notifications.send`.
 */
export const notificationsModule: PlatformModule = {
  name: 'notifications',
  migrations: new URL('./migrations/', import.meta.url),
  routes: (app, context) => {
    const service = notificationService(context);
    templateRoutes(app, service.templates);
    messageRoutes(app, service);
    publicRoutes(app, service, context.config.notifications.webhookSecret);
  },
  workers: (context) => [sendWorker(notificationService(context))],
  start: (context) =>
    new Dispatcher({
      service: notificationService(context),
      adapters: channelAdapters(context.config.notifications, {
        demo: context.config.demo,
        logger: context.logger,
      }),
      calendar: new BusinessCalendar(context.sequelize),
      clock: context.clock,
      logger: context.logger,
      config: context.config.notifications,
    }).start(),
};
