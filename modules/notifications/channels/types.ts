import type { Channel } from '../schema.ts';

/** A message as a channel sends it: content filled in, the address read from the customer at send time. */
export interface OutgoingMessage {
  id: string;
  channel: Channel;
  to: string;
  subject?: string;
  html?: string;
  text: string;
}

export interface SendResult {
  /** The provider's own id of the message, when it gives one. */
  providerId: string | null;
  /** true when handing it over is all the confirmation there will be (SMTP accepted it). */
  delivered: boolean;
  detail: string;
}

/** One channel's way out: e-mail over SMTP, SMS and WhatsApp through a provider's webhook. */
export interface ChannelAdapter {
  send(message: OutgoingMessage): Promise<SendResult>;
  close?(): Promise<void>;
}

/** A failure no retry can fix (the address refused, the channel not configured): no backoff, no dead letter. */
export class PermanentFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentFailure';
  }
}
