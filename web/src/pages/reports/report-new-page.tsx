import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { reporterRoles, triStates, type NewReportInput, type ReporterRole, type TriState } from '../../api-types.ts';
import { categoryLabel, dataCategories } from '../../case-facts-form.ts';
import { fromLocalInput } from '../../datetime-input.ts';
import { describeError, ErrorMessage, fieldErrors, StatusMessage } from '../../components/feedback.tsx';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import { useAction } from '../../use-resource.ts';

interface Draft {
  description: string;
  occurredAt: string;
  discoveredAt: string;
  processorAwareAt: string;
  ongoing: TriState;
  systems: string;
  dataCategories: string[];
  personsMin: string;
  personsMax: string;
  dataEncrypted: TriState;
  reporterRole: ReporterRole;
  reporterName: string;
  reporterEmail: string;
  reporterPhone: string;
}

const optionalCount = (value: string) => (value.trim() === '' ? undefined : Number(value));

/** The public form's questions, for staff who are signed in; files are uploaded once the report exists. */
export function ReportNewPage() {
  const { t, label, locale } = useI18n();
  const user = useUser();
  const run = useAction();
  const isProcessor = user.role === 'processor';
  const [draft, setDraft] = useState<Draft>({
    description: '',
    occurredAt: '',
    discoveredAt: '',
    processorAwareAt: '',
    ongoing: 'unknown',
    systems: '',
    dataCategories: [],
    personsMin: '',
    personsMax: '',
    dataEncrypted: 'unknown',
    reporterRole: isProcessor ? 'processor' : 'staff',
    reporterName: user.displayName,
    reporterEmail: user.email,
    reporterPhone: '',
  });
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ id: string; reference: string; failedFiles: string[] }>();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!draft.description.trim()) next.description = t('reportForm.error.description');
    const min = optionalCount(draft.personsMin);
    const max = optionalCount(draft.personsMax);
    if (min !== undefined && (!Number.isInteger(min) || min < 0)) next.personsMin = t('facts.error.notWholeNumber');
    if (max !== undefined && (!Number.isInteger(max) || max < 0)) next.personsMax = t('facts.error.notWholeNumber');
    if (min !== undefined && max !== undefined && min > max) next.personsMin = t('facts.error.minAboveMax');
    if (isProcessor && !fromLocalInput(draft.processorAwareAt)) next.processorAwareAt = t('reportForm.error.processorAwareAt');
    setErrors(next);
    if (Object.keys(next).length) return;
    const input: NewReportInput = {
      description: draft.description.trim(),
      occurredAt: fromLocalInput(draft.occurredAt),
      discoveredAt: fromLocalInput(draft.discoveredAt),
      processorAwareAt: isProcessor ? fromLocalInput(draft.processorAwareAt) : undefined,
      ongoing: draft.ongoing,
      systems: draft.systems.trim(),
      dataCategories: draft.dataCategories,
      personsMin: min,
      personsMax: max,
      dataEncrypted: draft.dataEncrypted,
      reporterRole: draft.reporterRole,
      reporterName: draft.reporterName.trim() || undefined,
      reporterEmail: draft.reporterEmail.trim() || undefined,
      reporterPhone: draft.reporterPhone.trim() || undefined,
    };
    setBusy(true);
    setError(undefined);
    try {
      const created = await run(() => api.createReport(input));
      const failedFiles: string[] = [];
      for (const file of files) {
        try {
          await run(() => api.uploadReportFile(created.id, file));
        } catch {
          failedFiles.push(file.name);
        }
      }
      setDone({ id: created.id, reference: created.reference, failedFiles });
    } catch (failure) {
      setErrors(fieldErrors(failure));
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <>
        <PageTitle>{t('reportForm.doneTitle')}</PageTitle>
        <StatusMessage>{t('reportForm.done', { reference: done.reference })}</StatusMessage>
        {done.failedFiles.length ? <ErrorMessage>{t('reportForm.filesFailed', { names: done.failedFiles.join(', ') })}</ErrorMessage> : null}
        <p>
          <Link to={`/reports/${encodeURIComponent(done.id)}`}>{t('reportForm.viewReport')}</Link>
        </p>
      </>
    );
  }

  const tri = triStates.map((value) => ({ value, label: label('tri', value) }));
  return (
    <>
      <p className="back-link">
        <Link to="/reports">← {t('reports.back')}</Link>
      </p>
      <PageTitle>{t('reportForm.title')}</PageTitle>
      <p className="lead">{t('reportForm.intro')}</p>
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
        <TextAreaField label={t('reportForm.description')} hint={t('reportForm.descriptionHint')} error={errors.description} required rows={6} value={draft.description} onChange={(e) => set('description', e.target.value)} />
        <div className="field-row">
          <TextField label={t('reportForm.occurredAt')} error={errors.occurredAt} type="datetime-local" value={draft.occurredAt} onChange={(e) => set('occurredAt', e.target.value)} />
          <TextField label={t('reportForm.discoveredAt')} error={errors.discoveredAt} type="datetime-local" value={draft.discoveredAt} onChange={(e) => set('discoveredAt', e.target.value)} />
          {isProcessor ? (
            <TextField label={t('reportForm.processorAwareAt')} error={errors.processorAwareAt} required type="datetime-local" value={draft.processorAwareAt} onChange={(e) => set('processorAwareAt', e.target.value)} />
          ) : null}
        </div>
        <ChoiceGroup legend={t('reportForm.ongoing')} options={tri} value={draft.ongoing} onChange={(v) => set('ongoing', v as TriState)} />
        <TextField label={t('reportForm.systems')} hint={t('reportForm.systemsHint')} error={errors.systems} value={draft.systems} onChange={(e) => set('systems', e.target.value)} />
        <ChoiceGroup
          legend={t('reportForm.categories')}
          columns
          options={dataCategories.map((value) => ({ value, label: categoryLabel(value, locale) }))}
          values={draft.dataCategories}
          onChange={(v) => set('dataCategories', v as string[])}
        />
        <div className="field-row">
          <TextField label={t('facts.personsMin')} error={errors.personsMin} type="number" min={0} inputMode="numeric" value={draft.personsMin} onChange={(e) => set('personsMin', e.target.value)} />
          <TextField label={t('facts.personsMax')} error={errors.personsMax} type="number" min={0} inputMode="numeric" value={draft.personsMax} onChange={(e) => set('personsMax', e.target.value)} />
        </div>
        <ChoiceGroup legend={t('reportForm.dataEncrypted')} options={tri} value={draft.dataEncrypted} onChange={(v) => set('dataEncrypted', v as TriState)} />
        <fieldset className="choice-group">
          <legend>{t('report.reporter')}</legend>
          <SelectField
            label={t('report.reporterRole')}
            value={draft.reporterRole}
            onChange={(e) => set('reporterRole', e.target.value as ReporterRole)}
            options={reporterRoles.map((value) => ({ value, label: label('reporterRole', value) }))}
          />
          <div className="field-row">
            <TextField label={t('report.reporterName')} value={draft.reporterName} onChange={(e) => set('reporterName', e.target.value)} />
            <TextField label={t('report.reporterEmail')} error={errors.reporterEmail} type="email" value={draft.reporterEmail} onChange={(e) => set('reporterEmail', e.target.value)} />
            <TextField label={t('report.reporterPhone')} error={errors.reporterPhone} type="tel" value={draft.reporterPhone} onChange={(e) => set('reporterPhone', e.target.value)} />
          </div>
        </fieldset>
        <TextField label={t('reportForm.files')} hint={t('reportForm.filesHint')} type="file" multiple onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('reportForm.submit')}
        </button>
      </form>
    </>
  );
}
