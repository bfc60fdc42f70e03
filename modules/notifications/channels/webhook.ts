import { sign } from '../signature.ts';
import { type ChannelAdapter, type OutgoingMessage, PermanentFailure, type SendResult } from './types.ts';

const TIMEOUT_MS = 15_000;

/**
 * SMS or WhatsApp through a provider's HTTP webhook: the message POSTed as JSON, signed with
 * WEBHOOK_SECRET (header X-Signature, see signature.ts), the notification id as the
 * idempotency key. A 2xx means the provider took it; its callback says delivered or failed.
 */
export function webhookAdapter(options: {
  url: string;
  secret: string;
  callbackUrl: string;
  now?: () => number;
}): ChannelAdapter {
  const now = options.now ?? Date.now;
  return {
    async send(message: OutgoingMessage): Promise<SendResult> {
      const body = JSON.stringify({
        id: message.id,
        channel: message.channel,
        to: message.to,
        text: message.text,
        callbackUrl: options.callbackUrl,
      });
      const answer = await fetch(options.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': message.id,
          'X-Signature': sign(options.secret, body, now()),
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await answer.text().catch(() => '');
      if (!answer.ok) {
        const problem = `${options.url} answered ${answer.status}: ${text.slice(0, 200)}`;
        // The provider refuses this request as it is (bad number, bad payload): a retry won't help.
        if (answer.status >= 400 && answer.status < 500 && answer.status !== 408 && answer.status !== 429)
          throw new PermanentFailure(problem);
        throw new Error(problem);
      }
      let providerId: string | null = null;
      try {
        const parsed = JSON.parse(text) as { id?: unknown };
        if (typeof parsed.id === 'string' || typeof parsed.id === 'number') providerId = String(parsed.id);
      } catch {
        // A provider that answers without JSON still took the message.
      }
      return { providerId, delivered: false, detail: `accepted by ${new URL(options.url).host}` };
    },
  };
}
