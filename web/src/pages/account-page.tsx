import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import type { MfaEnrolment } from '../api-types.ts';
import { describeError, ErrorMessage, Loading, StatusMessage } from '../components/feedback.tsx';
import { TextField } from '../components/field.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate } from '../router.tsx';
import { useSession, useUser } from '../session.tsx';
import { useAction, useResource } from '../use-resource.ts';

function BackupCodes({ codes }: { codes: string[] }) {
  const { t } = useI18n();
  return (
    <div>
      <StatusMessage>{t('account.mfa.backupCodes')}</StatusMessage>
      <ul className="backup-codes" aria-label={t('account.mfa.renew')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AccountPage() {
  const { t } = useI18n();
  const user = useUser();
  const { signedIn, expired } = useSession();
  const act = useAction();
  const status = useResource(() => api.getMfaStatus(), []);
  const [enrolment, setEnrolment] = useState<MfaEnrolment>();
  const [code, setCode] = useState('');
  const [backupCodes, setBackupCodes] = useState<string[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run(task: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await act(task);
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  function confirm(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const result = await api.confirmMfaEnrolment(code.trim());
      setBackupCodes(result.backupCodes);
      setEnrolment(undefined);
      setCode('');
      signedIn((await api.getSession()).user);
      status.reload();
    });
  }

  function renew(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      setBackupCodes((await api.renewBackupCodes(code.trim())).backupCodes);
      setCode('');
      status.reload();
    });
  }

  return (
    <section className="card">
      <PageTitle>{t('account.title')}</PageTitle>
      <p>
        {user.displayName} · {user.email}
      </p>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}

      <h2>{t('account.mfa.title')}</h2>
      {status.status === 'loading' ? <Loading label={t('app.loading')} /> : null}
      {status.status === 'failed' ? <ErrorMessage>{describeError(status.error, t)}</ErrorMessage> : null}
      {status.status === 'ready' ? (
        <>
          {status.data.required && !status.data.enrolled ? <StatusMessage>{t('account.mfa.required')}</StatusMessage> : null}
          <p>{status.data.enrolled ? t('account.mfa.enrolled', { count: status.data.backupCodesLeft }) : t('account.mfa.none')}</p>
          {backupCodes ? <BackupCodes codes={backupCodes} /> : null}
          {!status.data.enrolled && !enrolment ? (
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void run(async () => setEnrolment(await api.startMfaEnrolment()))}>
              {t('account.mfa.start')}
            </button>
          ) : null}
          {enrolment ? (
            <form onSubmit={confirm} noValidate>
              <p>{t('account.mfa.scan')}</p>
              <img src={enrolment.qrCode} alt={t('account.mfa.qr')} width={200} height={200} />
              <p>
                {t('account.mfa.secret')}: <code data-testid="totp-secret">{enrolment.secret}</code>
              </p>
              <TextField label={t('account.mfa.code')} name="code" autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.target.value)} />
              <button type="submit" className="button button-primary" disabled={busy}>
                {t('account.mfa.confirm')}
              </button>
            </form>
          ) : null}
          {status.data.enrolled ? (
            <form onSubmit={renew} noValidate>
              <TextField label={t('account.mfa.renewCode')} name="code" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
              <button type="submit" className="button" disabled={busy}>
                {t('account.mfa.renew')}
              </button>
            </form>
          ) : null}
        </>
      ) : null}

      <h2>{t('account.sessions.title')}</h2>
      <p>{t('account.sessions.intro')}</p>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            await api.signOutEverywhere();
            expired();
            navigate('/login');
          })
        }
      >
        {t('account.sessions.signOutEverywhere')}
      </button>
    </section>
  );
}
