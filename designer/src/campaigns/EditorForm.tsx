import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { errorText } from '../format.ts';
import { href, navigate } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { createCampaign, listTemplates, stepCampaign, updateCampaign } from './api.ts';
import { dataFields, dataOf, textsOf } from './campaign-logic.ts';
import { type EditorState, fieldOf, inputOf, stateOf } from './editor-state.ts';
import { LiveCount } from './LiveCount.tsx';
import { TemplateData } from './TemplateData.tsx';
import { TemplatePreview } from './TemplatePreview.tsx';
import {
  type Campaign,
  CHANNELS,
  type Channel,
  PRODUCT_KINDS,
  type ProductKind,
  type Segment,
} from './types.ts';

/** The campaign's fields, its audience on the channel, and its message as a customer would read it. */
export function EditorForm({
  segments,
  campaign,
  segmentId,
}: {
  segments: Segment[];
  campaign?: Campaign;
  segmentId?: string;
}) {
  const { t } = useTranslation('campaigns');
  const [state, setState] = useState<EditorState>(() => stateOf(campaign, segmentId));
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const templates = useLoad(() => listTemplates(state.channel), state.channel);
  const template = templates.data?.items.find((x) => x.key === state.templateKey);
  const sample = template?.sampleData ?? {};
  const segment = segments.find((s) => s.id === state.segmentId);
  const set = (changes: Partial<EditorState>) => setState((s) => ({ ...s, ...changes }));
  const errors = failure instanceof ApiError ? failure.errors : [];
  const errorOf = (field: string) => errors.filter((e) => fieldOf(e.field) === field);

  const pickTemplate = (key: string) => {
    const picked = templates.data?.items.find((x) => x.key === key);
    set({ templateKey: key, data: { ...textsOf(picked?.sampleData ?? {}), ...state.data } });
  };
  const data = dataOf(Object.fromEntries(dataFields(sample).map((k) => [k, state.data[k] ?? ''])), sample);

  const save = async (submit: boolean) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const input = inputOf(state, template ? data : dataOf(state.data, {}));
      const saved = campaign ? await updateCampaign(campaign.id, input) : await createCampaign(input);
      if (submit) await stepCampaign(saved.id, 'submit');
      navigate('campaigns', 'c', saved.id);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  const field = (name: string, label: string, control: ReactNode, hint?: string) => (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is passed in and rendered inside the label
    <label className="cmp-field" data-field={name}>
      {label}
      {control}
      {hint && <small className="muted">{hint}</small>}
      {errorOf(name).map((e) => (
        <small key={e.message} className="error" role="alert">
          {label}: {e.message}
        </small>
      ))}
    </label>
  );
  const invalid = (name: string) => (errorOf(name).length ? true : undefined);

  return (
    <>
      {campaign?.status === 'REJECTED' && campaign.comment && (
        <div className="cmp-rejected" role="note" data-rejection>
          <strong>{t('editor.rejectedBy', { checker: campaign.checker ?? '—' })}</strong>
          <blockquote>{campaign.comment}</blockquote>
          <p className="muted">{t('editor.rejectedHint')}</p>
        </div>
      )}
      <div className="cmp-split">
        <form className="cmp-form" onSubmit={onSubmit} noValidate>
          {field(
            'name',
            t('editor.name'),
            <input
              name="name"
              value={state.name}
              aria-invalid={invalid('name')}
              onChange={(e) => set({ name: e.target.value })}
            />,
          )}
          {field(
            'description',
            t('editor.description'),
            <textarea
              name="description"
              rows={2}
              value={state.description}
              onChange={(e) => set({ description: e.target.value })}
            />,
          )}
          <div className="cmp-row">
            {field(
              'segmentId',
              t('editor.segment'),
              <select
                name="segmentId"
                value={state.segmentId}
                aria-invalid={invalid('segmentId')}
                onChange={(e) => set({ segmentId: e.target.value })}
              >
                <option value="">{t('editor.pickSegment')}</option>
                {segments.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>,
            )}
            <a className="cmp-inline-link" href={href('campaigns', 'segment')}>
              {t('editor.makeSegment')}
            </a>
          </div>
          <div className="cmp-row">
            {field(
              'channel',
              t('editor.channel'),
              <select
                name="channel"
                value={state.channel}
                onChange={(e) => set({ channel: e.target.value as Channel, templateKey: '' })}
              >
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`channel.${c}`)}
                  </option>
                ))}
              </select>,
            )}
            {field(
              'templateKey',
              t('editor.template'),
              <select
                name="templateKey"
                value={state.templateKey}
                aria-invalid={invalid('templateKey')}
                onChange={(e) => pickTemplate(e.target.value)}
              >
                <option value="">{t('editor.pickTemplate')}</option>
                {templates.data?.items.map((x) => (
                  <option key={x.key} value={x.key}>
                    {x.description ? `${x.description} (${x.key})` : x.key}
                  </option>
                ))}
              </select>,
              templates.data?.items.length === 0 ? t('editor.noTemplates') : undefined,
            )}
          </div>
          {template && (
            <TemplateData keys={dataFields(sample)} values={state.data} onChange={(data) => set({ data })} />
          )}
          <div className="cmp-row">
            {field(
              'productKind',
              t('editor.productKind'),
              <select
                name="productKind"
                value={state.productKind}
                onChange={(e) => set({ productKind: e.target.value as ProductKind | '' })}
              >
                <option value="">{t('editor.noProduct')}</option>
                {PRODUCT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`product.${k}`)}
                  </option>
                ))}
              </select>,
            )}
            {field(
              'scheduledAt',
              t('editor.scheduledAt'),
              <input
                type="datetime-local"
                name="scheduledAt"
                value={state.scheduledAt}
                aria-invalid={invalid('scheduledAt')}
                onChange={(e) => set({ scheduledAt: e.target.value })}
              />,
              t('editor.scheduleHint'),
            )}
          </div>
          <div className="cmp-row">
            {field(
              'batchSize',
              t('editor.batchSize'),
              <input
                name="batchSize"
                inputMode="numeric"
                value={state.batchSize}
                aria-invalid={invalid('batchSize')}
                onChange={(e) => set({ batchSize: e.target.value })}
              />,
            )}
            <label className="cmp-check cmp-check-wide">
              <input
                type="checkbox"
                name="requireApproval"
                checked={state.requireApproval}
                onChange={(e) => set({ requireApproval: e.target.checked })}
              />
              {t('editor.requireApproval')}
            </label>
          </div>
          {failure !== undefined && (
            <p className="error" role="alert" data-save-error>
              {errors.length ? t('editor.fieldError') : errorText(failure, '')}
            </p>
          )}
          <div className="cmp-actions">
            <button type="submit" className="secondary" disabled={busy}>
              {t('editor.save')}
            </button>
            <button type="button" name="submitForApproval" disabled={busy} onClick={() => void save(true)}>
              {t('editor.submit')}
            </button>
          </div>
        </form>
        <aside className="cmp-side">
          {segment && <LiveCount rules={segment.rules} channel={state.channel} blocked={false} />}
          <TemplatePreview
            templateKey={template ? state.templateKey : ''}
            channel={state.channel}
            data={{ ...data, customer: sample.customer ?? { name: 'Budi' } }}
          />
        </aside>
      </div>
    </>
  );
}
