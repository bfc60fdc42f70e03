import { previewTemplate } from './api.ts';
import { MessagePreview } from './MessagePreview.tsx';
import type { Channel } from './types.ts';
import { useDebounced } from './use-debounced.ts';

/** The maker's preview: the chosen template filled in with the data being typed (debounced). */
export function TemplatePreview({
  templateKey,
  channel,
  data,
}: {
  templateKey: string;
  channel: Channel;
  data: Record<string, unknown>;
}) {
  const key = useDebounced(JSON.stringify({ templateKey, channel, data }), 400);
  const asked = JSON.parse(key) as { templateKey: string; channel: Channel; data: Record<string, unknown> };
  const customer = data.customer as { name?: unknown } | undefined;
  return (
    <MessagePreview
      loadKey={key}
      sampleName={String(customer?.name ?? '')}
      load={
        asked.templateKey
          ? (locale) => previewTemplate(asked.templateKey, asked.channel, locale, asked.data)
          : undefined
      }
    />
  );
}
