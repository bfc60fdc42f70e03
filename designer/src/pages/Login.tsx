import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { LANGUAGES, setLanguage } from '../i18n/index.ts';
import { useSession } from '../session.tsx';

export function Login() {
  const { t, i18n } = useTranslation();
  const { logIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await logIn(username, password);
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.status === 401
          ? t('login.failed')
          : failure instanceof Error
            ? failure.message
            : t('error'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form onSubmit={submit} aria-label={t('login.title')}>
        <h1>{t('appName')}</h1>
        <h2>{t('login.title')}</h2>
        <label>
          {t('login.username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
        <div className="language-switch">
          {LANGUAGES.map((language) => (
            <button
              key={language}
              type="button"
              className={i18n.language === language ? 'link active' : 'link'}
              onClick={() => void setLanguage(language)}
            >
              {language === 'id' ? 'Bahasa Indonesia' : 'English'}
            </button>
          ))}
        </div>
      </form>
    </div>
  );
}
