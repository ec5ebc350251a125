import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import type { CaseDetail, DraftKind, DraftRegime, DraftView, RegulatorContact } from '../../api-types.ts';
import { draftKindsAvailable, draftRegimesFor, inLocale } from '../../assessment-view.ts';
import { describeError, ErrorMessage, fieldErrors, StatusMessage } from '../../components/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { fromLocalInput, toLocalInput } from '../../datetime-input.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { permissions } from '../../permissions.ts';
import { useUser } from '../../session.tsx';
import { useAction, useResource } from '../../use-resource.ts';

/** One draft in full: every section of the form with its answer, what is still missing, what changed, and its submission. */
function DraftDetail({ caseId, draft, mayDraft, onSubmitted }: { caseId: string; draft: DraftView; mayDraft: boolean; onSubmitted: (next: DraftView) => void }) {
  const { t, label, locale, moment } = useI18n();
  const run = useAction();
  const [submittedAt, setSubmittedAt] = useState(() => toLocalInput(new Date().toISOString()));
  const [reference, setReference] = useState('');
  const [delayReason, setDelayReason] = useState('');
  const [askDelay, setAskDelay] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const at = fromLocalInput(submittedAt);
    const next: Record<string, string> = {};
    if (!at) next.submittedAt = t('drafts.error.submittedAt');
    if (!reference.trim()) next.apReference = t('drafts.error.apReference');
    if (askDelay && !delayReason.trim()) next.delayReason = t('regulator.error.delayReason');
    setErrors(next);
    if (Object.keys(next).length || !at) return;
    setBusy(true);
    setError(undefined);
    try {
      const saved = await run(() =>
        api.recordDraftSubmission(caseId, draft.id, { submittedAt: at, apReference: reference.trim(), ...(delayReason.trim() ? { delayReason: delayReason.trim() } : {}) }),
      );
      onSubmitted(saved);
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
    <article className="stack" aria-labelledby={`draft-${draft.id}`}>
      <h3 id={`draft-${draft.id}`}>{inLocale(draft.title, locale)}</h3>
      <p className="subtle">
        {label('draftKind', draft.kind)} · {label('draftRegime', draft.regime)} · {t('drafts.recipient')}: {inLocale(draft.recipient, locale)} ·{' '}
        {t('drafts.createdBy', { name: draft.createdBy.name })} {moment(draft.createdAt)}
      </p>
      <p>
        <a className="button" href={api.draftPdfUrl(caseId, draft.id, locale)} download>
          {t('drafts.pdf')}
        </a>{' '}
        <a className="button" href={api.draftJsonUrl(caseId, draft.id)} download={`notification-${draft.id}.json`}>
          {t('drafts.json')}
        </a>
      </p>
      {draft.missingCount > 0 ? <p className="note">{t('drafts.missingCount', { count: draft.missingCount })}</p> : <p className="note">{t('drafts.complete')}</p>}
      {draft.kind === 'follow_up' ? (
        <section aria-label={t('drafts.changes')}>
          <h4>{t('drafts.changes')}</h4>
          {draft.changes.length ? (
            <ul>
              {draft.changes.map((c) => (
                <li key={`${c.sectionId}-${c.answerId}`}>
                  <strong>{inLocale(c.question, locale)}</strong>: {c.before ? inLocale(c.before, locale) : t('common.none')} → {c.after ? inLocale(c.after, locale) : t('common.none')}
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">{t('drafts.noChanges')}</p>
          )}
        </section>
      ) : null}
      {draft.sections.map((section) => (
        <section key={section.id} aria-label={inLocale(section.title, locale)}>
          <h4>{inLocale(section.title, locale)}</h4>
          <dl className="draft-answers">
            {section.answers.map((a) => (
              <div key={a.id}>
                <dt>{inLocale(a.question, locale)}</dt>
                <dd className="prose">
                  {a.missing ? <mark>{t('drafts.missing')}</mark> : null}
                  {a.missing && inLocale(a.answer, locale) ? ' ' : null}
                  {inLocale(a.answer, locale)}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {draft.submittedAt ? (
        <p className="message message-success">{t('drafts.submittedOn', { at: moment(draft.submittedAt), reference: draft.apReference ?? '' })}</p>
      ) : mayDraft ? (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <h4>{t('drafts.recordSubmission')}</h4>
          {error ? <ErrorMessage>{error}</ErrorMessage> : null}
          <div className="field-row">
            <TextField label={t('drafts.submittedAt')} type="datetime-local" required error={errors.submittedAt} value={submittedAt} onChange={(e) => setSubmittedAt(e.target.value)} />
            <TextField label={t('drafts.apReference')} hint={t('drafts.apReferenceHint')} required error={errors.apReference} value={reference} onChange={(e) => setReference(e.target.value)} />
          </div>
          {askDelay ? (
            <TextAreaField
              label={t('regulator.delayReason')}
              hint={t('regulator.delayReasonHint')}
              required
              error={errors.delayReason}
              value={delayReason}
              onChange={(e) => setDelayReason(e.target.value)}
            />
          ) : null}
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.saving') : t('drafts.recordSubmission')}
          </button>
        </form>
      ) : null}
    </article>
  );
}

function NewDraftForm({ caseId, drafts, profile, onCreated }: { caseId: string; drafts: readonly DraftView[]; profile: { sector: string; nis2: string }; onCreated: (draft: DraftView) => void }) {
  const { t, label } = useI18n();
  const run = useAction();
  const kinds = draftKindsAvailable(drafts);
  const regimes = draftRegimesFor(profile.sector, profile.nis2);
  const [kind, setKind] = useState<DraftKind>('initial');
  const [regime, setRegime] = useState<DraftRegime>(profile.sector === 'telecom' ? 'telecom' : 'gdpr');
  const [phone, setPhone] = useState('');
  const [position, setPosition] = useState('');
  const [other, setOther] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (kind === 'withdrawal' && !other.trim()) next.otherInformation = t('drafts.error.withdrawalReason');
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    setError(undefined);
    try {
      const draft = await run(() =>
        api.createDraft(caseId, {
          kind,
          regime,
          ...(phone.trim() ? { reporterPhone: phone.trim() } : {}),
          ...(position.trim() ? { reporterPosition: position.trim() } : {}),
          ...(other.trim() ? { otherInformation: other.trim() } : {}),
        }),
      );
      setOther('');
      onCreated(draft);
    } catch (failure) {
      setErrors(fieldErrors(failure));
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void create(event)} noValidate>
      <h3>{t('drafts.new')}</h3>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <div className="field-row">
        <SelectField
          label={t('drafts.kind')}
          error={errors.kind}
          value={kinds.includes(kind) ? kind : 'initial'}
          onChange={(e) => setKind(e.target.value as DraftKind)}
          options={kinds.map((value) => ({ value, label: label('draftKind', value) }))}
        />
        <SelectField
          label={t('drafts.regime')}
          error={errors.regime}
          value={regime}
          onChange={(e) => setRegime(e.target.value as DraftRegime)}
          options={regimes.map((value) => ({ value, label: label('draftRegime', value) }))}
        />
        <TextField label={t('drafts.reporterPhone')} type="tel" error={errors.reporterPhone} value={phone} onChange={(e) => setPhone(e.target.value)} />
        <TextField label={t('drafts.reporterPosition')} error={errors.reporterPosition} value={position} onChange={(e) => setPosition(e.target.value)} />
      </div>
      <TextAreaField
        label={kind === 'withdrawal' ? t('drafts.withdrawalReason') : t('drafts.otherInformation')}
        error={errors.otherInformation}
        value={other}
        onChange={(e) => setOther(e.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('common.saving') : t('drafts.create')}
      </button>
    </form>
  );
}

/** The contact point the authority is given on every draft; kept with the organisation, changed here for convenience. */
function ContactSettings({ mayEdit }: { mayEdit: boolean }) {
  const { t } = useI18n();
  const run = useAction();
  const contact = useResource(() => api.getRegulatorContact(), []);
  const [draft, setDraft] = useState<{ dpoName: string; dpoEmail: string; dpoPhone: string }>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  const current = contact.status === 'ready' ? contact.data : undefined;
  const values = draft ?? { dpoName: current?.dpoName ?? '', dpoEmail: current?.dpoEmail ?? '', dpoPhone: current?.dpoPhone ?? '' };

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setError(undefined);
    const body: RegulatorContact = { dpoName: values.dpoName.trim() || null, dpoEmail: values.dpoEmail.trim() || null, dpoPhone: values.dpoPhone.trim() || null };
    try {
      const next = await run(() => api.updateRegulatorContact(body));
      if (contact.status === 'ready') contact.update(() => next);
      setDraft(undefined);
      setErrors({});
      setSaved(true);
    } catch (failure) {
      setErrors(fieldErrors(failure));
      setError(describeError(failure, t));
    }
  }

  const set = (key: keyof typeof values, value: string) => setDraft({ ...values, [key]: value });
  return (
    <details>
      <summary>{t('drafts.contact')}</summary>
      <ResourceView resource={contact}>
        {() => (
          <form onSubmit={(event) => void save(event)} noValidate>
            <p className="field-hint">{t('drafts.contactHint')}</p>
            {saved ? <StatusMessage>{t('common.saved')}</StatusMessage> : null}
            {error ? <ErrorMessage>{error}</ErrorMessage> : null}
            <div className="field-row">
              <TextField label={t('drafts.dpoName')} readOnly={!mayEdit} error={errors.dpoName} value={values.dpoName} onChange={(e) => set('dpoName', e.target.value)} />
              <TextField label={t('drafts.dpoEmail')} type="email" readOnly={!mayEdit} error={errors.dpoEmail} value={values.dpoEmail} onChange={(e) => set('dpoEmail', e.target.value)} />
              <TextField label={t('drafts.dpoPhone')} type="tel" readOnly={!mayEdit} error={errors.dpoPhone} value={values.dpoPhone} onChange={(e) => set('dpoPhone', e.target.value)} />
            </div>
            {mayEdit ? (
              <button type="submit" className="button">
                {t('common.save')}
              </button>
            ) : null}
          </form>
        )}
      </ResourceView>
    </details>
  );
}

/** Notifications to the authority drafted from the case: initial, follow-up and withdrawal, as PDF and JSON. */
export function CaseApDraftsSection({ breach, onSubmitted }: { breach: CaseDetail; onSubmitted: () => void }) {
  const { t, label, moment } = useI18n();
  const me = useUser();
  const mayDraft = permissions.decideRisk(me.role);
  const drafts = useResource(() => api.listDrafts(breach.id).then((r) => r.drafts), [breach.id]);
  // The forms an organisation may use follow from its profile, which the assessment already completes from the case.
  const profile = useResource(
    () => api.getAssessment(breach.id).then(({ computed }) => ({ sector: String(computed.facts.sector ?? 'other'), nis2: String(computed.facts.nis2 ?? 'none') })),
    [breach.id],
  );
  const [openId, setOpenId] = useState<string>();
  const [created, setCreated] = useState(false);

  const replace = (next: DraftView) => {
    if (drafts.status === 'ready') drafts.update((list) => (list.some((d) => d.id === next.id) ? list.map((d) => (d.id === next.id ? next : d)) : [next, ...list]));
  };

  return (
    <section id="case-drafts" className="card" aria-labelledby="case-drafts-title">
      <h2 id="case-drafts-title">{t('case.section.drafts')}</h2>
      <ResourceView resource={drafts}>
        {(list) => {
          const open = list.find((d) => d.id === openId) ?? list[0];
          return (
            <div className="stack">
              {created ? <StatusMessage>{t('drafts.created')}</StatusMessage> : null}
              {list.length === 0 ? (
                <p className="empty">{t('drafts.empty')}</p>
              ) : (
                <div className="table-wrap">
                  <table className="data-table">
                    <caption className="visually-hidden">{t('drafts.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('drafts.createdAt')}</th>
                        <th scope="col">{t('drafts.kind')}</th>
                        <th scope="col">{t('drafts.regime')}</th>
                        <th scope="col">{t('drafts.missingColumn')}</th>
                        <th scope="col">{t('drafts.submission')}</th>
                        <th scope="col">
                          <span className="visually-hidden">{t('drafts.view')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.map((d) => (
                        <tr key={d.id} aria-current={d.id === open?.id ? 'true' : undefined}>
                          <th scope="row" className="nowrap">
                            {moment(d.createdAt)}
                          </th>
                          <td>{label('draftKind', d.kind)}</td>
                          <td>{label('draftRegime', d.regime)}</td>
                          <td>{d.missingCount}</td>
                          <td>{d.submittedAt ? `${moment(d.submittedAt)} · ${d.apReference ?? ''}` : t('drafts.notSubmitted')}</td>
                          <td>
                            <button type="button" className="button button-small" onClick={() => setOpenId(d.id)} disabled={d.id === open?.id}>
                              {t('drafts.view')}
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {mayDraft && profile.status === 'ready' ? (
                <NewDraftForm
                  caseId={breach.id}
                  drafts={list}
                  profile={profile.data}
                  onCreated={(draft) => {
                    replace(draft);
                    setOpenId(draft.id);
                    setCreated(true);
                  }}
                />
              ) : null}
              {open ? (
                <DraftDetail
                  key={open.id}
                  caseId={breach.id}
                  draft={open}
                  mayDraft={mayDraft}
                  onSubmitted={(next) => {
                    replace(next);
                    setCreated(false);
                    onSubmitted();
                  }}
                />
              ) : null}
            </div>
          );
        }}
      </ResourceView>
      <ContactSettings mayEdit={mayDraft} />
    </section>
  );
}
