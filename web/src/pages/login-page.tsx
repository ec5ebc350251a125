import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import type { Me } from '../api-types.ts';
import { describeError, ErrorMessage } from '../components/feedback.tsx';
import { TextField } from '../components/field.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { waitTime } from '../i18n/format.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import { safeReturnPath } from '../route-match.ts';
import { navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useResource } from '../use-resource.ts';

/** Why a single sign-on came back without a session, as the server names it in `?sso=`. */
const ssoRefusals: Record<string, MessageKey> = {
  no_account: 'login.sso.no_account',
  no_email: 'login.sso.no_email',
  unverified_email: 'login.sso.unverified_email',
  failed: 'login.sso.failed',
  unavailable: 'login.sso.unavailable',
};

function signInError(error: unknown, t: I18n['t'], step: 'password' | 'code'): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_credentials') return t(step === 'code' ? 'login.error.code' : 'login.error.invalid');
    if (error.code === 'not_authenticated' && step === 'code') return t('login.error.codeExpired');
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
  const [code, setCode] = useState('');
  const sso = search.get('sso');
  // After a right password, or a single sign-on without a second factor at the provider, an account with
  // an authenticator app is asked for its code.
  const [step, setStep] = useState<'password' | 'code'>(sso === 'code' ? 'code' : 'password');
  const ssoRefusal = sso ? ssoRefusals[sso] : undefined;
  const [error, setError] = useState<string | undefined>(ssoRefusal ? t(ssoRefusal) : undefined);
  const ssoOptions = useResource(() => api.getSsoOptions(), []);
  const provider = ssoOptions.status === 'ready' ? ssoOptions.data.provider : null;
  const [busy, setBusy] = useState(false);

  function enter(user: Me) {
    signedIn(user);
    navigate(user.mfaEnrolmentRequired ? '/account' : safeReturnPath(search.get('next')), { replace: true });
  }

  async function submitCode(event: FormEvent) {
    event.preventDefault();
    if (!code.trim()) {
      setError(t('login.error.missingCode'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      enter((await api.signInCode(code.trim())).user);
    } catch (failure) {
      setError(signInError(failure, t, 'code'));
      setCode('');
      if (failure instanceof ApiError && failure.code === 'not_authenticated') setStep('password');
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(t('login.error.missing'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.signIn(email.trim(), password);
      if ('mfaRequired' in result) {
        setStep('code');
        setPassword('');
        return;
      }
      enter(result.user);
    } catch (failure) {
      setError(signInError(failure, t, 'password'));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  if (step === 'code') {
    return (
      <section className="card narrow">
        <PageTitle>{t('login.codeTitle')}</PageTitle>
        <p>{t('login.codeIntro')}</p>
        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
        <form onSubmit={(event) => void submitCode(event)} noValidate>
          <TextField
            label={t('login.code')}
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('login.submitting') : t('login.codeSubmit')}
          </button>
        </form>
      </section>
    );
  }

  return (
    <section className="card narrow">
      <PageTitle>{t('login.title')}</PageTitle>
      <p>{t('login.intro')}</p>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      {provider ? (
        <>
          <p>
            <a className="button button-primary" href={`${provider.startUrl}?next=${encodeURIComponent(safeReturnPath(search.get('next')))}`}>
              {t('login.sso', { provider: provider.name })}
            </a>
          </p>
          <p>{t('login.orPassword')}</p>
        </>
      ) : null}
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
