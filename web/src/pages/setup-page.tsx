import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { describeError, ErrorMessage, fieldErrors, Loading } from '../components/feedback.tsx';
import { TextField } from '../components/field.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useResource } from '../use-resource.ts';

export const minimumPasswordLength = 12;

export function SetupPage({ token }: { token: string }) {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const setup = useResource(() => api.getSetup(token), [token]);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (password.length < minimumPasswordLength) next.password = t('setup.error.tooShort');
    else if (password !== repeat) next.repeat = t('setup.error.mismatch');
    setErrors(next);
    if (next.password || next.repeat) return;
    setBusy(true);
    try {
      const { user } = await api.completeSetup(token, password);
      signedIn(user);
      navigate('/', { replace: true });
    } catch (failure) {
      const server = fieldErrors(failure);
      setErrors({ password: server.password, form: describeError(failure, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card narrow">
      <PageTitle>{t('setup.title')}</PageTitle>
      {setup.status === 'loading' ? <Loading label={t('app.loading')} /> : null}
      {setup.status === 'failed' ? (
        <>
          <ErrorMessage>{setup.error.status === 404 ? t('setup.error.invalidLink') : describeError(setup.error, t)}</ErrorMessage>
          <p>
            <Link to="/login">{t('setup.goToLogin')}</Link>
          </p>
        </>
      ) : null}
      {setup.status === 'ready' ? (
        <>
          <p>{t('setup.intro')}</p>
          <dl className="facts">
            <div>
              <dt>{t('setup.name')}</dt>
              <dd>{setup.data.displayName}</dd>
            </div>
            <div>
              <dt>{t('setup.email')}</dt>
              <dd>{setup.data.email}</dd>
            </div>
          </dl>
          {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
          <form onSubmit={(event) => void submit(event)} noValidate>
            {/* Lets password managers store the new password under the right account. */}
            <input type="email" name="username" autoComplete="username" value={setup.data.email} readOnly hidden />
            <TextField
              label={t('setup.password')}
              hint={t('setup.passwordHint')}
              error={errors.password}
              type="password"
              name="password"
              autoComplete="new-password"
              minLength={minimumPasswordLength}
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <TextField
              label={t('setup.passwordRepeat')}
              error={errors.repeat}
              type="password"
              name="password-repeat"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
            />
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('setup.submitting') : t('setup.submit')}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
