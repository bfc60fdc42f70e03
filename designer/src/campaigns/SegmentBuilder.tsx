import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { errorText } from '../format.ts';
import { href } from '../router.ts';
import { createSegment } from './api.ts';
import { Conditions } from './Conditions.tsx';
import { LiveCount } from './LiveCount.tsx';
import { RulesFields } from './RulesFields.tsx';
import { EMPTY_FORM, type RulesForm, rulesOf } from './rules.ts';
import { CHANNELS, type Channel, type Segment } from './types.ts';

/** Conditions on profile, products and consent with their live count; saved as a named segment. */
export function SegmentBuilder() {
  const { t } = useTranslation('campaigns');
  const [form, setForm] = useState<RulesForm>(EMPTY_FORM);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [channel, setChannel] = useState<Channel | ''>('sms');
  const [saved, setSaved] = useState<Segment>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const { rules, problems } = useMemo(() => rulesOf(form), [form]);
  const serverErrors = failure instanceof ApiError ? failure.errors : [];

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      setSaved(await createSegment({ name: name.trim(), description: description.trim() || null, rules }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page cmp-page" data-page="segment-builder">
      <h1>{t('builder.title')}</h1>
      <p className="muted">{t('builder.intro')}</p>
      <div className="cmp-split">
        <form className="cmp-form" onSubmit={save} noValidate>
          <label>
            {t('builder.name')}
            <input
              name="segmentName"
              value={name}
              required
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={serverErrors.some((e) => e.field === 'body.name')}
            />
          </label>
          {serverErrors
            .filter((e) => e.field === 'body.name')
            .map((e) => (
              <p key={e.message} className="error" role="alert">
                {t('builder.name')}: {e.message}
              </p>
            ))}
          <label>
            {t('builder.description')}
            <input
              name="segmentDescription"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </label>
          <RulesFields form={form} problems={problems} onChange={setForm} />
          {failure !== undefined && (
            <p className="error" role="alert" data-save-error>
              {errorText(failure, '')}
            </p>
          )}
          {saved && (
            <p className="cmp-notice" role="status" data-saved-segment={saved.id}>
              {t('builder.saved', { name: saved.name })}{' '}
              <a href={href('campaigns', 'new', saved.id)}>{t('builder.useIt')}</a>
            </p>
          )}
          <div className="cmp-actions">
            <button type="submit" disabled={busy || !name.trim() || problems.length > 0}>
              {t('builder.save')}
            </button>
          </div>
        </form>
        <aside className="cmp-side">
          <label>
            {t('builder.countChannel')}
            <select
              name="countChannel"
              value={channel}
              onChange={(e) => setChannel(e.target.value as Channel | '')}
            >
              <option value="">{t('builder.noChannel')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <LiveCount rules={rules} channel={channel} blocked={problems.length > 0} />
          <section className="cmp-card">
            <h2>{t('detail.conditions')}</h2>
            <Conditions rules={rules} />
          </section>
        </aside>
      </div>
    </section>
  );
}
