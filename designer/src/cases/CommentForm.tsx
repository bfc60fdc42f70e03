import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format.ts';
import { addComment } from './api.ts';
import { fieldErrors } from './case-query.ts';

/** "Tambah komentar": an update of the case, which restarts its 2-hour escalation clock. */
export function CommentForm({ caseId, onSaved }: { caseId: string; onSaved(): void }) {
  const { t } = useTranslation('cases');
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const submit = async () => {
    if (!text.trim()) {
      setError(t('log.required'));
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      await addComment(caseId, text.trim());
      setText('');
      setSaved(true);
      onSaved();
    } catch (failure) {
      setError(fieldErrors(failure).text ?? errorText(failure, t('error')));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className="cs-card cs-comment"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label>
        <span className="cs-label">{t('comment.label')}</span>
        <textarea
          name="comment"
          rows={3}
          maxLength={4000}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setSaved(false);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby="cs-comment-hint"
        />
      </label>
      <p id="cs-comment-hint" className="muted cs-small">
        {t('comment.hint')}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="cs-ok" role="status">
          {t('comment.saved')}
        </p>
      )}
      <div className="cs-form-actions">
        <button type="submit" disabled={saving}>
          {t('comment.submit')}
        </button>
      </div>
    </form>
  );
}
