import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { describeError, ErrorMessage } from '../components/feedback.tsx';
import { TextField } from '../components/field.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { waitTime } from '../i18n/format.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import { safeReturnPath } from '../route-match.ts';
import { navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';

function signInError(error: unknown, t: I18n['t']): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_credentials') return t('login.error.invalid');
    if (error.code === 'too_many_requests') {
      const seconds = error.retryAfterSeconds;
      if (seconds === undefined) return t('login.error.tooMany');
      const wait = waitTime(seconds);
      return t(wait.unit === 'seconds' ? 'login.error.tooManySeconds' : 'login.error.tooManyMinutes', { count: wait.count });
    }
  }
  return describeError(error, t);
}

export function LoginPage() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(t('login.error.missing'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const { user } = await api.signIn(email.trim(), password);
      signedIn(user);
      navigate(safeReturnPath(search.get('next')), { replace: true });
    } catch (failure) {
      setError(signInError(failure, t));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card narrow">
      <PageTitle>{t('login.title')}</PageTitle>
      <p>{t('login.intro')}</p>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField label={t('login.email')} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField
          label={t('login.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </section>
  );
}
