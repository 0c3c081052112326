import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api';
import { useLanguage } from '../i18n/LanguageProvider';
import { useSession } from '../session/SessionProvider';
import { SsoLoginOptions } from '../sso/SsoLoginOptions';

export function LoginPage() {
  const { t } = useLanguage();
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 429) setError(t('loginThrottled'));
      else if (caught instanceof ApiError && caught.status < 500) setError(t('loginFailed'));
      else setError(t('loadFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="login" aria-labelledby="login-heading">
      <h1 id="login-heading">{t('loginHeading')}</h1>
      <p>{t('loginIntro')}</p>
      <SsoLoginOptions />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="login-email">{t('email')}</label>
          <input id="login-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} aria-describedby={error ? errorId : undefined} />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('password')}</label>
          <input id="login-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        {error && <p id={errorId} role="alert" className="notice notice-error">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{busy ? t('loading') : t('loginButton')}</button>
      </form>
    </section>
  );
}
