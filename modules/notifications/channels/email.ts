import nodemailer from 'nodemailer';
import { type ChannelAdapter, type OutgoingMessage, PermanentFailure, type SendResult } from './types.ts';

/** E-mail over SMTP (nodemailer, pooled connections); the relay's 250 is the delivery we can see. */
export function emailAdapter(options: { smtpUrl: string; from: string }): ChannelAdapter {
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message: OutgoingMessage): Promise<SendResult> {
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject ?? '',
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          headers: { 'X-Notification-Id': message.id },
        });
        return { providerId: info.messageId ?? null, delivered: true, detail: String(info.response ?? '') };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // 5xx is the server's final word on this message; 4xx and network errors are worth a retry.
        if (typeof code === 'number' && code >= 500) throw new PermanentFailure((error as Error).message);
        throw error;
      }
    },
    async close() {
      transport.close();
    },
  };
}
