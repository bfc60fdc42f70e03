import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../router.ts';
import { designerApi, type ModelKind } from './api.ts';
import { blankModel } from './blank-models.ts';
import { errorText } from './format.ts';

const KINDS: ModelKind[] = ['bpmn', 'dmn', 'form'];

/** Creates a model from a blank diagram, decision table or form, then opens it. */
export function NewModelForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('modeler');
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ModelKind>('bpmn');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const created = await designerApi.create({
        name: name.trim(),
        kind,
        content: blankModel(kind, name.trim(), title.trim()),
        comment: t('create.firstComment'),
      });
      navigate('processes', created.id);
    } catch (failure) {
      setError(errorText(failure, t));
      setBusy(false);
    }
  };

  return (
    <form className="modeler-card new-model" onSubmit={(event) => void submit(event)}>
      <h2>{t('create.title')}</h2>
      <label>
        <span>{t('create.name')}</span>
        <input
          name="name"
          required
          value={name}
          placeholder="cases-keluhan-kartu"
          pattern="[A-Za-z0-9]+(-[A-Za-z0-9]+)*"
          onChange={(event) => setName(event.target.value)}
        />
        <small className="muted">{t('create.nameHint')}</small>
      </label>
      <label>
        <span>{t('create.processTitle')}</span>
        <input
          name="title"
          value={title}
          placeholder={t('create.processTitlePlaceholder')}
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <label>
        <span>{t('create.kind')}</span>
        <select name="kind" value={kind} onChange={(event) => setKind(event.target.value as ModelKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('create.submit')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
