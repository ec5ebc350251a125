import { useState } from 'react';
import { api } from '../../api.ts';
import type { CaseDetail } from '../../api-types.ts';
import { describeError, ErrorMessage } from '../../components/feedback.tsx';
import { TextAreaField } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAction } from '../../use-resource.ts';

/** Closing and reopening are decisions the register must explain, so they take a reason. */
export function transitionNeedsReason(from: string, to: string): boolean {
  return to === 'closed' || from === 'closed';
}

export function CaseStateSection({ breach, onChange }: { breach: CaseDetail; onChange: (next: CaseDetail) => void }) {
  const { t, label, moment } = useI18n();
  const run = useAction();
  const [pending, setPending] = useState<string>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [reasonError, setReasonError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const allowed = breach.allowedTransitions ?? [];

  async function go(to: string) {
    if (transitionNeedsReason(breach.state, to) && pending !== to) {
      setPending(to);
      setReasonError(undefined);
      return;
    }
    if (transitionNeedsReason(breach.state, to) && !reason.trim()) return setReasonError(t('transition.error.reason'));
    setBusy(true);
    setError(undefined);
    try {
      onChange(await run(() => api.transitionCase(breach.id, to, reason.trim() || undefined)));
      setPending(undefined);
      setReason('');
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section id="case-state" className="card" aria-labelledby="case-state-title">
      <h2 id="case-state-title">{t('case.section.state')}</h2>
      <p>
        {t('transition.current')} <span className={`state state-${breach.state === 'closed' ? 'closed' : 'open'}`}>{label('state', breach.state)}</span>
      </p>
      {breach.closedAt ? <p className="note">{t('transition.closedAt', { at: moment(breach.closedAt) })}</p> : null}
      {breach.closedReason ? <p className="note">{t('transition.closedReason', { reason: breach.closedReason })}</p> : null}
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      {allowed.length === 0 ? (
        <p className="empty">{t('transition.noTransitions')}</p>
      ) : (
        <div className="actions actions-wrap">
          {allowed.map((to) => (
            <button key={to} type="button" className={to === pending ? 'button button-primary' : 'button'} disabled={busy} onClick={() => void go(to)}>
              {breach.state === 'closed' ? t('transition.reopen') : t('transition.moveTo', { state: label('state', to) })}
            </button>
          ))}
        </div>
      )}
      {pending ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void go(pending);
          }}
          noValidate
        >
          <TextAreaField
            label={breach.state === 'closed' ? t('transition.reopenReason') : t('transition.closeReason')}
            error={reasonError}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('transition.confirm', { state: label('state', pending) })}
            </button>
            <button type="button" className="button" onClick={() => setPending(undefined)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
