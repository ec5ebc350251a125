import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import type { IncidentPageBody, IncidentPageView, IncidentTexts } from '../../api-types.ts';
import { describeError, ErrorMessage, fieldErrors, StatusMessage } from '../../components/feedback.tsx';
import { ChoiceGroup, TextAreaField, TextField } from '../../components/field.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAction, useResource } from '../../use-resource.ts';

const textKeys = ['whatHappened', 'whatData', 'whatWeDid', 'whatToDo', 'phishing', 'contact'] as const;
const emptyTexts: IncidentTexts = { whatHappened: '', whatData: '', whatWeDid: '', whatToDo: '', phishing: '', contact: '' };

/** A first page gets an address from the case reference, which the officer may change before saving. */
export function suggestedSlug(reference: string): string {
  return (
    reference
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'incident'
  );
}

function draftOf(view: IncidentPageView | null, reference: string): IncidentPageBody {
  if (!view) return { slug: suggestedSlug(reference), texts: { nl: { ...emptyTexts }, en: { ...emptyTexts } }, notAffectedReply: 'message', allowCustomerLookup: false };
  return { slug: view.slug, texts: view.texts, notAffectedReply: view.notAffectedReply, allowCustomerLookup: view.allowCustomerLookup };
}

/** A case without a page yet answers 404: that is an empty editor, not a failure. */
async function loadPage(caseId: string): Promise<IncidentPageView | null> {
  try {
    return await api.getIncidentPage(caseId);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

function IncidentPageEditor({ caseId, reference, initial }: { caseId: string; reference: string; initial: IncidentPageView | null }) {
  const { t, moment } = useI18n();
  const run = useAction();
  const [view, setView] = useState(initial);
  const [draft, setDraft] = useState<IncidentPageBody>(() => draftOf(initial, reference));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string>();

  const setText = (locale: 'nl' | 'en', key: (typeof textKeys)[number], value: string) =>
    setDraft((current) => ({ ...current, texts: { ...current.texts, [locale]: { ...current.texts[locale], [key]: value } } }));

  async function act(work: () => Promise<IncidentPageView>, done: string) {
    setBusy(true);
    setError(undefined);
    setErrors({});
    setSaved(undefined);
    try {
      const next = await run(work);
      setView(next);
      setSaved(done);
    } catch (failure) {
      setErrors(fieldErrors(failure));
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    void act(() => api.saveIncidentPage(caseId, draft), t('incidentPage.saved'));
  }

  return (
    <form onSubmit={save} noValidate className="stack">
      <p>
        {view ? (
          <>
            <span className={`state state-${view.published ? 'open' : 'closed'}`}>{view.published ? t('incidentPage.published') : t('incidentPage.notPublished')}</span>{' '}
            {view.published ? (
              <a href={view.path} target="_blank" rel="noreferrer">
                {t('incidentPage.open')}
              </a>
            ) : null}{' '}
            <span className="note">{t('incidentPage.updatedAt', { at: moment(view.updatedAt) })}</span>
          </>
        ) : (
          <span className="note">{t('incidentPage.none')}</span>
        )}
      </p>
      <TextField
        label={t('incidentPage.slug')}
        hint={t('incidentPage.slugHint')}
        value={draft.slug}
        error={errors.slug}
        onChange={(event) => setDraft({ ...draft, slug: event.target.value })}
        maxLength={80}
      />
      {(['nl', 'en'] as const).map((locale) => (
        <fieldset key={locale} className="stack">
          <legend>{t(locale === 'nl' ? 'incidentPage.textsNl' : 'incidentPage.textsEn')}</legend>
          {textKeys.map((key) => (
            <TextAreaField
              key={key}
              label={t(`incidentPage.text.${key}`)}
              lang={locale}
              value={draft.texts[locale][key]}
              onChange={(event) => setText(locale, key, event.target.value)}
              maxLength={5000}
            />
          ))}
        </fieldset>
      ))}
      <ChoiceGroup
        legend={t('incidentPage.notAffectedReply')}
        options={[
          { value: 'message', label: t('incidentPage.notAffected.message') },
          { value: 'nothing', label: t('incidentPage.notAffected.nothing') },
        ]}
        value={draft.notAffectedReply}
        onChange={(next) => setDraft({ ...draft, notAffectedReply: next === 'nothing' ? 'nothing' : 'message' })}
      />
      <ChoiceGroup
        legend={t('incidentPage.customerLookup')}
        hint={t('incidentPage.customerLookupHint')}
        options={[{ value: 'on', label: t('incidentPage.customerLookupOn') }]}
        values={draft.allowCustomerLookup ? ['on'] : []}
        onChange={(next) => setDraft({ ...draft, allowCustomerLookup: Array.isArray(next) && next.includes('on') })}
      />
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      {saved ? <StatusMessage>{saved}</StatusMessage> : null}
      <div className="actions actions-wrap">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('incidentPage.save')}
        </button>
        {view && !view.published ? (
          <button type="button" className="button" disabled={busy} onClick={() => void act(() => api.setIncidentPagePublished(caseId, true), t('incidentPage.publishedNow'))}>
            {t('incidentPage.publish')}
          </button>
        ) : null}
        {view?.published ? (
          <button type="button" className="button" disabled={busy} onClick={() => void act(() => api.setIncidentPagePublished(caseId, false), t('incidentPage.unpublishedNow'))}>
            {t('incidentPage.unpublish')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The public "am I affected?" page of a case: its texts in Dutch and English, its options, and publishing. */
export function CaseIncidentPageSection({ caseId, reference }: { caseId: string; reference: string }) {
  const { t } = useI18n();
  const page = useResource(() => loadPage(caseId), [caseId]);
  return (
    <section id="case-incident-page" className="card" aria-labelledby="case-incident-page-title">
      <h2 id="case-incident-page-title">{t('case.section.incident-page')}</h2>
      <p className="note">{t('incidentPage.intro')}</p>
      <ResourceView resource={page}>{(view) => <IncidentPageEditor caseId={caseId} reference={reference} initial={view} />}</ResourceView>
    </section>
  );
}
