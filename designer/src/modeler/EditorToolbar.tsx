import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { designerApi, type ModelDetail } from './api.ts';
import { errorText } from './format.ts';

interface Props {
  model: ModelDetail;
  content: string | undefined;
  dirty: boolean;
  /** Lint errors of the content in the editor (BPMN only); deploy is refused while there are any. */
  errors: number;
  checking: boolean;
  onSaved(): void;
  onRequested(): void;
  onDownload(): void;
  onOpenFile(file: File): void;
}

/** Save a version (always allowed), request a deploy (not with lint errors), download, open a file. */
export function EditorToolbar(props: Props) {
  const { t } = useTranslation('modeler');
  const { model, dirty, errors, checking } = props;
  const [open, setOpen] = useState<'save' | 'deploy'>();
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const [busy, setBusy] = useState(false);
  const deployBlocked = errors > 0 ? t('toolbar.blockedByErrors') : dirty ? t('toolbar.saveFirst') : '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (props.content === undefined) return;
    setBusy(true);
    setMessage(undefined);
    try {
      if (open === 'save') {
        const saved = await designerApi.saveVersion(model.id, props.content, comment.trim());
        setMessage({ text: t('toolbar.saved', { version: saved.version }), error: false });
        props.onSaved();
      } else {
        const request = await designerApi.requestDeploy(model.id, model.latestVersion, comment.trim());
        setMessage({ text: t('toolbar.requested', { version: request.version }), error: false });
        props.onRequested();
      }
      setOpen(undefined);
      setComment('');
    } catch (failure) {
      setMessage({ text: errorText(failure, t), error: true });
    } finally {
      setBusy(false);
    }
  };

  const toggle = (which: 'save' | 'deploy') => {
    setOpen(open === which ? undefined : which);
    setComment('');
    setMessage(undefined);
  };

  return (
    <div className="editor-toolbar">
      <div className="toolbar">
        <button type="button" name="save-version" onClick={() => toggle('save')}>
          {t('toolbar.saveVersion')}
        </button>
        <button
          type="button"
          name="request-deploy"
          className="secondary"
          disabled={!!deployBlocked || checking}
          title={deployBlocked || t('toolbar.requestDeployTitle', { version: model.latestVersion })}
          onClick={() => toggle('deploy')}
        >
          {t('toolbar.requestDeploy')}
        </button>
        <button type="button" name="download" className="secondary" onClick={props.onDownload}>
          {t('toolbar.download')}
        </button>
        <label className="button secondary">
          {t('toolbar.openFile')}
          <input
            type="file"
            name="open-file"
            accept=".bpmn,.dmn,.form"
            hidden
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) props.onOpenFile(file);
            }}
          />
        </label>
        {dirty && <span className="badge warn">{t('toolbar.unsaved')}</span>}
        {deployBlocked && !dirty && <span className="muted small">{deployBlocked}</span>}
        {message && (
          <span className={message.error ? 'error' : 'ok-text'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </span>
        )}
      </div>
      {open && (
        <form className="toolbar version-form" onSubmit={(event) => void submit(event)}>
          <label>
            <span>
              {open === 'save'
                ? t('toolbar.commentLabel')
                : t('toolbar.deployCommentLabel', { version: model.latestVersion })}
            </span>
            <input
              name="comment"
              value={comment}
              required
              placeholder={open === 'save' ? t('toolbar.commentPlaceholder') : t('toolbar.deployPlaceholder')}
              onChange={(event) => setComment(event.target.value)}
            />
          </label>
          <button type="submit" name="confirm" disabled={busy}>
            {open === 'save' ? t('toolbar.confirmSave') : t('toolbar.confirmDeploy')}
          </button>
          <button type="button" className="secondary" onClick={() => setOpen(undefined)}>
            {t('cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
