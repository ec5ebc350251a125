import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { notificationKinds, type CaseDetail, type NotificationKind } from '../../api-types.ts';
import { labelText } from '../../clock/countdown.ts';
import { describeError, ErrorMessage, fieldErrors, StatusMessage } from '../../components/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { fromLocalInput, toLocalInput } from '../../datetime-input.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAction, useResource } from '../../use-resource.ts';

/** One choice per clock: the obligation, and the party whose clock it is when several controllers are involved. */
function clockKey(obligation: string, partyId: string | null): string {
  return `${obligation}|${partyId ?? ''}`;
}

export function CaseRegulatorSection({ breach, onRecorded }: { breach: CaseDetail; onRecorded: () => void }) {
  const { t, label, locale, moment } = useI18n();
  const run = useAction();
  const notifications = useResource(() => api.listNotifications(breach.id).then((r) => r.notifications), [breach.id, breach.updatedAt]);
  const clocks = (breach.deadlines ?? []).filter((d) => d.status !== 'not_applicable');
  const [clock, setClock] = useState(() => (clocks[0] ? clockKey(clocks[0].obligation, clocks[0].partyId) : ''));
  const [kind, setKind] = useState<NotificationKind>('initial');
  const [sentAt, setSentAt] = useState(() => toLocalInput(new Date().toISOString()));
  const [reference, setReference] = useState('');
  const [delayReason, setDelayReason] = useState('');
  const [askDelay, setAskDelay] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const selected = clocks.find((d) => clockKey(d.obligation, d.partyId) === clock);
  const sentIso = fromLocalInput(sentAt);
  const late = Boolean(selected?.dueAt && sentIso && sentIso > selected.dueAt);
  const needsDelayReason = askDelay || late || Boolean(selected?.delayReasonRequired && kind === 'initial');
  const partyName = (partyId: string | null) => (partyId ? breach.parties?.find((p) => p.id === partyId)?.name : undefined);
  const clockName = (obligation: string, partyId: string | null) => {
    const d = breach.deadlines?.find((x) => x.obligation === obligation && x.partyId === partyId) ?? breach.deadlines?.find((x) => x.obligation === obligation);
    const name = labelText(d?.label, locale, obligation);
    const party = partyName(partyId);
    return party ? `${name} · ${party}` : name;
  };

  async function record(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!selected) next.obligation = t('regulator.error.obligation');
    if (!sentIso) next.sentAt = t('regulator.error.sentAt');
    if (needsDelayReason && !delayReason.trim()) next.delayReason = t('regulator.error.delayReason');
    setErrors(next);
    setSaved(false);
    if (Object.keys(next).length || !selected || !sentIso) return;
    setBusy(true);
    setError(undefined);
    try {
      await run(() =>
        api.recordNotification(breach.id, {
          obligation: selected.obligation,
          kind,
          sentAt: sentIso,
          ...(selected.partyId ? { partyId: selected.partyId } : {}),
          ...(reference.trim() ? { externalReference: reference.trim() } : {}),
          ...(delayReason.trim() ? { delayReason: delayReason.trim() } : {}),
        }),
      );
      setReference('');
      setDelayReason('');
      setAskDelay(false);
      setSaved(true);
      onRecorded();
    } catch (failure) {
      const issues = fieldErrors(failure);
      // The server decides lateness on its own clock; when it asks for a reason, the field appears.
      if (issues.delayReason) setAskDelay(true);
      setErrors(issues);
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section id="case-regulator" className="card" aria-labelledby="case-regulator-title">
      <h2 id="case-regulator-title">{t('case.section.regulator')}</h2>
      <ResourceView resource={notifications}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('regulator.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">{t('regulator.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('regulator.sentAt')}</th>
                    <th scope="col">{t('regulator.obligation')}</th>
                    <th scope="col">{t('regulator.kind')}</th>
                    <th scope="col">{t('regulator.reference')}</th>
                    <th scope="col">{t('regulator.delayReason')}</th>
                    <th scope="col">{t('regulator.recordedBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((n) => (
                    <tr key={n.id}>
                      <th scope="row" className="nowrap">
                        {moment(n.sentAt)}
                      </th>
                      <td>{clockName(n.obligation, n.partyId)}</td>
                      <td>{label('notificationKind', n.kind)}</td>
                      <td>{n.externalReference ?? t('common.none')}</td>
                      <td>{n.delayReason ?? t('common.none')}</td>
                      <td>{(typeof n.recordedBy === 'string' ? n.recordedBy : n.recordedBy?.name) ?? t('common.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ResourceView>
      {clocks.length === 0 ? (
        <p className="note">{t('regulator.noClocks')}</p>
      ) : (
        <form onSubmit={(event) => void record(event)} noValidate>
          <h3>{t('regulator.record')}</h3>
          {saved ? <StatusMessage>{t('regulator.recorded')}</StatusMessage> : null}
          {error ? <ErrorMessage>{error}</ErrorMessage> : null}
          <div className="field-row">
            <SelectField
              label={t('regulator.obligation')}
              error={errors.obligation}
              value={clock}
              onChange={(e) => setClock(e.target.value)}
              options={clocks.map((d) => ({ value: clockKey(d.obligation, d.partyId), label: clockName(d.obligation, d.partyId) }))}
            />
            <SelectField
              label={t('regulator.kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value as NotificationKind)}
              options={notificationKinds.map((value) => ({ value, label: label('notificationKind', value) }))}
            />
            <TextField label={t('regulator.sentAt')} error={errors.sentAt} type="datetime-local" required value={sentAt} onChange={(e) => setSentAt(e.target.value)} />
            <TextField label={t('regulator.reference')} hint={t('regulator.referenceHint')} error={errors.externalReference} value={reference} onChange={(e) => setReference(e.target.value)} />
          </div>
          {needsDelayReason ? (
            <TextAreaField
              label={t('regulator.delayReason')}
              hint={t('regulator.delayReasonHint')}
              error={errors.delayReason}
              required
              value={delayReason}
              onChange={(e) => setDelayReason(e.target.value)}
            />
          ) : null}
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.saving') : t('regulator.record')}
          </button>
        </form>
      )}
    </section>
  );
}
