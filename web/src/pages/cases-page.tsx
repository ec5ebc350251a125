import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { caseStates } from '../api-types.ts';
import { CaseTable } from '../components/case-table.tsx';
import { describeError, ErrorMessage, fieldErrors } from '../components/feedback.tsx';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../components/field.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { ResourceView } from '../components/resource-view.tsx';
import { newestFirst } from '../case-list.ts';
import { fromLocalInput } from '../datetime-input.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate, useLocation } from '../router.tsx';
import { useAction, useResource } from '../use-resource.ts';

function NewCaseForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useI18n();
  const run = useAction();
  const org = useResource(() => api.getOrganisation(), []);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [awareAt, setAwareAt] = useState('');
  const [brandIds, setBrandIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setErrors({ title: t('newCase.error.title') });
    setBusy(true);
    setError(undefined);
    try {
      const aware = fromLocalInput(awareAt);
      const created = await run(() =>
        api.createCase({ title: title.trim(), ...(summary.trim() ? { summary: summary.trim() } : {}), ...(aware ? { awareAt: aware } : {}), ...(brandIds.length ? { brandIds } : {}) }),
      );
      navigate(`/cases/${encodeURIComponent(created.id)}`);
    } catch (failure) {
      setErrors(fieldErrors(failure));
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="new-case-title">
      <h2 id="new-case-title">{t('newCase.title')}</h2>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <TextField label={t('newCase.caseTitle')} error={errors.title} required value={title} onChange={(e) => setTitle(e.target.value)} />
      <TextAreaField label={t('newCase.summary')} error={errors.summary} value={summary} onChange={(e) => setSummary(e.target.value)} />
      <TextField label={t('facts.awareAt')} hint={t('facts.awareAtHint')} error={errors.awareAt} type="datetime-local" value={awareAt} onChange={(e) => setAwareAt(e.target.value)} />
      {org.status === 'ready' && org.data.brands.length > 0 ? (
        <ChoiceGroup legend={t('newCase.brands')} options={org.data.brands.map((b) => ({ value: b.id, label: b.name }))} values={brandIds} onChange={(v) => setBrandIds(v as string[])} />
      ) : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('newCase.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function CasesPage() {
  const { t, label } = useI18n();
  const { search } = useLocation();
  const state = search.get('state') ?? '';
  const [creating, setCreating] = useState(false);
  const cases = useResource(() => api.listCases(state || undefined).then((r) => newestFirst(r.cases)), [state]);
  return (
    <>
      <PageTitle>{t('cases.title')}</PageTitle>
      <div className="toolbar">
        <SelectField
          label={t('cases.filterState')}
          value={state}
          onChange={(e) => navigate(e.target.value ? `/cases?state=${encodeURIComponent(e.target.value)}` : '/cases', { replace: true })}
          options={[{ value: '', label: t('cases.allStates') }, ...caseStates.map((value) => ({ value, label: label('state', value) }))]}
        />
        {!creating ? (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('newCase.open')}
          </button>
        ) : null}
      </div>
      {creating ? <NewCaseForm onCancel={() => setCreating(false)} /> : null}
      <ResourceView resource={cases}>
        {(list) => (list.length === 0 ? <p className="empty">{t('cases.empty')}</p> : <CaseTable cases={list} caption={t('cases.caption')} />)}
      </ResourceView>
    </>
  );
}
