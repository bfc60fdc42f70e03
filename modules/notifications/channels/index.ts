import type { Logger } from 'pino';
import { maskValue } from '../../audit/index.ts';
import type { NotificationsConfig } from '../../server/config.ts';
import type { Channel } from '../schema.ts';
import { emailAdapter } from './email.ts';
import { type ChannelAdapter, PermanentFailure } from './types.ts';
import { webhookAdapter } from './webhook.ts';

export { type ChannelAdapter, type OutgoingMessage, PermanentFailure, type SendResult } from './types.ts';

/**
 * The adapter of each channel, from the configuration. A webhook channel without a URL logs
 * the message (masked) in demo mode, so a demo works without a provider, and fails every
 * message permanently otherwise.
 */
export function channelAdapters(
  config: NotificationsConfig,
  options: { demo: boolean; logger: Logger },
): Record<Channel, ChannelAdapter> {
  const webhook = (
    channel: 'sms' | 'whatsapp',
    url: string | undefined,
    variable: string,
  ): ChannelAdapter => {
    if (url && config.webhookSecret)
      return webhookAdapter({
        url,
        secret: config.webhookSecret,
        callbackUrl: `${config.publicUrl}/api/notifications/webhooks/${channel}`,
      });
    return {
      async send(message) {
        if (!options.demo) throw new PermanentFailure(`${variable} is not set: ${channel} is not configured`);
        options.logger.info(
          { notificationId: message.id, channel, to: maskValue('phone', message.to) },
          `demo mode: ${channel} message logged, not sent (${variable} is not set)`,
        );
        return {
          providerId: null,
          delivered: true,
          detail: `demo mode: logged, not sent (${variable} is not set)`,
        };
      },
    };
  };
  return {
    email: emailAdapter({ smtpUrl: config.smtpUrl, from: config.from }),
    sms: webhook('sms', config.smsWebhookUrl, 'SMS_WEBHOOK_URL'),
    whatsapp: webhook('whatsapp', config.whatsappWebhookUrl, 'WHATSAPP_WEBHOOK_URL'),
  };
}
