import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import type { CaseSummary, ReportDetail } from '../../api-types.ts';
import { categoryLabel } from '../../case-facts-form.ts';
import { describeError, ErrorMessage } from '../../components/feedback.tsx';
import { FileList } from '../../components/file-list.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate } from '../../router.tsx';
import { useAction, useResource } from '../../use-resource.ts';
import { personsRange } from './reports-page.tsx';

type Action = 'new_case' | 'attach' | 'not_a_breach';

function TriageForm({ report }: { report: ReportDetail }) {
  const { t } = useI18n();
  const run = useAction();
  const [action, setAction] = useState<Action>('new_case');
  const [title, setTitle] = useState(report.excerpt.slice(0, 120));
  const [caseId, setCaseId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [fieldError, setFieldError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const cases = useResource<CaseSummary[]>(() => (action === 'attach' ? api.listCases().then((r) => r.cases.filter((c) => c.state !== 'closed')) : Promise.resolve([])), [action]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setFieldError(undefined);
    if (action === 'attach' && !caseId) return setFieldError(t('triage.error.caseRequired'));
    if (action === 'not_a_breach' && !reason.trim()) return setFieldError(t('triage.error.reasonRequired'));
    setBusy(true);
    try {
      const input =
        action === 'new_case'
          ? { action, ...(title.trim() ? { title: title.trim() } : {}) }
          : action === 'attach'
            ? { action, caseId }
            : { action, reason: reason.trim() };
      const result = await run(() => api.triageReport(report.id, input));
      navigate(result.caseId ? `/cases/${encodeURIComponent(result.caseId)}` : '/reports');
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="triage">
      <h2 id="triage">{t('triage.title')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
        <SelectField
          label={t('triage.action')}
          value={action}
          onChange={(e) => {
            setAction(e.target.value as Action);
            setFieldError(undefined);
          }}
          options={(['new_case', 'attach', 'not_a_breach'] as const).map((value) => ({ value, label: t(`triage.action.${value}`) }))}
        />
        {action === 'new_case' ? <TextField label={t('triage.caseTitle')} hint={t('triage.caseTitleHint')} value={title} onChange={(e) => setTitle(e.target.value)} /> : null}
        {action === 'attach' ? (
          <ResourceView resource={cases}>
            {(list) => (
              <SelectField
                label={t('triage.case')}
                error={fieldError}
                required
                value={caseId}
                onChange={(e) => setCaseId(e.target.value)}
                options={[{ value: '', label: t('triage.chooseCase') }, ...list.map((c) => ({ value: c.id, label: `${c.reference} · ${c.title}` }))]}
              />
            )}
          </ResourceView>
        ) : null}
        {action === 'not_a_breach' ? (
          <TextAreaField label={t('triage.reason')} hint={t('triage.reasonHint')} error={fieldError} required value={reason} onChange={(e) => setReason(e.target.value)} />
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t(`triage.submit.${action}`)}
        </button>
      </form>
    </section>
  );
}

export function ReportPage({ reportId }: { reportId: string }) {
  const { t, label, locale, moment } = useI18n();
  const report = useResource(() => api.getReport(reportId), [reportId]);
  return (
    <>
      <p className="back-link">
        <Link to="/reports">← {t('reports.back')}</Link>
      </p>
      {report.status !== 'ready' ? <PageTitle>{t('reports.title')}</PageTitle> : null}
      <ResourceView resource={report}>
        {(r) => (
          <div className="stack">
            <div>
              <PageTitle>{t('report.heading', { reference: r.reference })}</PageTitle>
              <p>
                <span className={`state state-${r.status === 'new' ? 'open' : 'closed'}`}>{label('reportStatus', r.status)}</span>{' '}
                {r.caseId ? <Link to={`/cases/${encodeURIComponent(r.caseId)}`}>{t('reports.openCase')}</Link> : null}
              </p>
              {r.triageReason ? <p className="note">{t('report.triageReason', { reason: r.triageReason })}</p> : null}
            </div>
            <section className="card" aria-labelledby="report-description">
              <h2 id="report-description">{t('report.description')}</h2>
              <p className="prose">{r.description}</p>
            </section>
            <section className="card" aria-labelledby="report-facts">
              <h2 id="report-facts">{t('report.facts')}</h2>
              <dl className="facts">
                <div>
                  <dt>{t('report.received')}</dt>
                  <dd>{moment(r.createdAt)}</dd>
                </div>
                <div>
                  <dt>{t('report.source')}</dt>
                  <dd>
                    {label('reportSource', r.source)}
                    {r.processorName ? ` · ${r.processorName}` : ''}
                  </dd>
                </div>
                <div>
                  <dt>{t('report.occurredAt')}</dt>
                  <dd>{moment(r.occurredAt)}</dd>
                </div>
                <div>
                  <dt>{t('report.discoveredAt')}</dt>
                  <dd>{moment(r.discoveredAt)}</dd>
                </div>
                {r.processorAwareAt || r.processorReportedAt ? (
                  <>
                    <div>
                      <dt>{t('report.processorAwareAt')}</dt>
                      <dd>{moment(r.processorAwareAt)}</dd>
                    </div>
                    <div>
                      <dt>{t('report.processorReportedAt')}</dt>
                      <dd>{moment(r.processorReportedAt)}</dd>
                    </div>
                  </>
                ) : null}
                <div>
                  <dt>{t('report.ongoing')}</dt>
                  <dd>{label('tri', r.ongoing)}</dd>
                </div>
                <div>
                  <dt>{t('report.dataEncrypted')}</dt>
                  <dd>{label('tri', r.dataEncrypted)}</dd>
                </div>
                <div>
                  <dt>{t('report.persons')}</dt>
                  <dd>{personsRange(r.personsMin, r.personsMax) ?? t('common.none')}</dd>
                </div>
                <div>
                  <dt>{t('report.systems')}</dt>
                  <dd>{r.systems || t('common.none')}</dd>
                </div>
              </dl>
              <h3>{t('report.categories')}</h3>
              {r.dataCategories.length ? (
                <ul className="chips">
                  {r.dataCategories.map((c) => (
                    <li key={c}>{categoryLabel(c, locale)}</li>
                  ))}
                </ul>
              ) : (
                <p className="empty">{t('common.none')}</p>
              )}
            </section>
            <section className="card" aria-labelledby="report-reporter">
              <h2 id="report-reporter">{t('report.reporter')}</h2>
              <dl className="facts">
                <div>
                  <dt>{t('report.reporterRole')}</dt>
                  <dd>{r.reporterRole ? label('reporterRole', r.reporterRole) : t('common.none')}</dd>
                </div>
                <div>
                  <dt>{t('report.reporterName')}</dt>
                  <dd>{r.reporterName ?? t('common.none')}</dd>
                </div>
                <div>
                  <dt>{t('report.reporterOrgName')}</dt>
                  <dd>{r.reporterOrgName ?? t('common.none')}</dd>
                </div>
                <div>
                  <dt>{t('report.reporterEmail')}</dt>
                  <dd>{r.reporterEmail ? <a href={`mailto:${r.reporterEmail}`}>{r.reporterEmail}</a> : t('common.none')}</dd>
                </div>
                <div>
                  <dt>{t('report.reporterPhone')}</dt>
                  <dd>{r.reporterPhone ? <a href={`tel:${r.reporterPhone}`}>{r.reporterPhone}</a> : t('common.none')}</dd>
                </div>
              </dl>
            </section>
            <section className="card" aria-labelledby="report-files">
              <h2 id="report-files">{t('files.title')}</h2>
              <FileList files={r.files} href={r.caseId ? (fileId) => api.caseFileUrl(r.caseId ?? '', fileId) : undefined} />
            </section>
            {r.status === 'new' ? <TriageForm report={r} /> : null}
          </div>
        )}
      </ResourceView>
    </>
  );
}
