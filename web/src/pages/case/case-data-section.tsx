import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import type { AnalysisDetail, AnalysisSummary, AnalysisTotals } from '../../api-types.ts';
import { ChartCanvas } from '../../components/chart-canvas.tsx';
import { describeError, ErrorMessage } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAction, useResource } from '../../use-resource.ts';

const categories = [
  'name', 'address', 'postcode', 'email', 'phone', 'birth_date', 'customer_id', 'iban', 'payment_card',
  'bsn', 'vat_number', 'id_document', 'ip_address', 'mac_address', 'device_name', 'free_text_notes',
] as const;
const POLL_MS = 1500;
const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
const isRunning = (a: AnalysisSummary) => a.status === 'queued' || a.status === 'running';

/** The Data section of a case: the breached dataset, its analysis and what it found. */
export function CaseDataSection({ caseId, onFactsChanged }: { caseId: string; onFactsChanged: () => void }) {
  const { t, label } = useI18n();
  const run = useAction();
  const analyses = useResource(() => api.listAnalyses(caseId).then((r) => r.analyses), [caseId]);
  const [chosen, setChosen] = useState<File>();
  const [inputKey, setInputKey] = useState(0);
  const [sent, setSent] = useState<{ sent: number; total: number }>();
  const [error, setError] = useState<string>();

  const latest = analyses.status === 'ready' ? analyses.data[0] : undefined;
  const running = latest !== undefined && isRunning(latest);
  const reload = analyses.reload;
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [running, latest, reload]);

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return setError(t('analysis.error.none'));
    setError(undefined);
    setSent({ sent: 0, total: chosen.size });
    try {
      await run(() => api.uploadDataset(caseId, chosen, (done, total) => setSent({ sent: done, total })));
      setChosen(undefined);
      setInputKey((k) => k + 1);
      reload();
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setSent(undefined);
    }
  }

  async function cancel(analysis: AnalysisSummary) {
    try {
      await run(() => api.cancelAnalysis(caseId, analysis.id));
      reload();
    } catch (failure) {
      setError(describeError(failure, t));
    }
  }

  return (
    <section id="case-data" className="card" aria-labelledby="case-data-title">
      <h2 id="case-data-title">{t('case.section.data')}</h2>
      <p className="note">{t('analysis.intro')}</p>
      <form className="inline-form" onSubmit={(event) => void upload(event)} noValidate>
        <TextField key={inputKey} label={t('analysis.choose')} type="file" accept=".csv,.tsv,.txt,.jsonl,.ndjson,.parquet" onChange={(e) => setChosen(e.target.files?.[0])} />
        <button type="submit" className="button" disabled={sent !== undefined || running}>
          {sent ? t('analysis.uploading') : t('analysis.upload')}
        </button>
        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      </form>
      {sent ? (
        <p>
          <label>
            {t('analysis.uploadProgress', { percent: percent(sent.total > 0 ? sent.sent / sent.total : 0) })}{' '}
            <progress max={sent.total} value={sent.sent} />
          </label>
        </p>
      ) : null}
      {latest ? (
        <div>
          <p role="status">
            {t('analysis.statusLine', { file: latest.fileName, status: t(`analysis.status.${latest.status}`) })}
            {running ? (
              <>
                {' '}
                <label>
                  {latest.phase ? label('analysis.phase', latest.phase) : ''} {percent(latest.fraction)}{' '}
                  <progress max={1} value={latest.fraction} />
                </label>{' '}
                <button type="button" className="button secondary" onClick={() => void cancel(latest)}>
                  {t('analysis.cancel')}
                </button>
              </>
            ) : null}
          </p>
          {latest.status === 'failed' && latest.error ? <ErrorMessage>{latest.error}</ErrorMessage> : null}
          {latest.status === 'completed' ? <AnalysisResult caseId={caseId} analysisId={latest.id} onRerun={reload} onApplied={onFactsChanged} /> : null}
        </div>
      ) : null}
    </section>
  );
}

function AnalysisResult({ caseId, analysisId, onRerun, onApplied }: { caseId: string; analysisId: string; onRerun: () => void; onApplied: () => void }) {
  const { t, label } = useI18n();
  const run = useAction();
  const detail = useResource(() => api.getAnalysis(caseId, analysisId), [caseId, analysisId]);
  const [corrections, setCorrections] = useState<Record<string, string | null>>({});
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  if (detail.status === 'loading') return <p>{t('app.loading')}</p>;
  if (detail.status === 'failed') return <ErrorMessage>{describeError(detail.error, t)}</ErrorMessage>;
  const analysis: AnalysisDetail = detail.data;
  const result = analysis.result;
  if (!result) return null;

  async function rerun() {
    try {
      await run(() => api.correctColumns(caseId, analysisId, corrections));
      setCorrections({});
      onRerun();
    } catch (failure) {
      setError(describeError(failure, t));
    }
  }

  async function apply() {
    try {
      await run(() => api.applyAnalysis(caseId, analysisId));
      setMessage(t('analysis.applied'));
      onApplied();
    } catch (failure) {
      setError(describeError(failure, t));
    }
  }

  return (
    <div>
      <h3>{t('analysis.columns')}</h3>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('analysis.col.name')}</th>
              <th scope="col">{t('analysis.col.category')}</th>
              <th scope="col">{t('analysis.col.match')}</th>
              <th scope="col">{t('analysis.col.valid')}</th>
              <th scope="col">{t('analysis.col.examples')}</th>
              <th scope="col">{t('analysis.col.confidence')}</th>
              <th scope="col">{t('analysis.col.correct')}</th>
            </tr>
          </thead>
          <tbody>
            {result.columns.map((column) => (
              <tr key={column.header}>
                <th scope="row">{column.header}</th>
                <td>{column.category ? (
                    <ul className="chips">
                      <li>{label('analysis.category', column.category)}</li>
                    </ul>
                  ) : (
                    t('common.none')
                  )}</td>
                <td>{percent(column.matchRate)}</td>
                <td>{percent(column.validationRate)}</td>
                <td>{column.maskedExamples.slice(0, 3).join(', ')}</td>
                <td>{label('analysis.confidence', column.confidenceLevel)}</td>
                <td>
                  <select
                    aria-label={t('analysis.correctFor', { column: column.header })}
                    value={column.header in corrections ? (corrections[column.header] ?? '') : (column.category ?? '')}
                    onChange={(e) => setCorrections((c) => ({ ...c, [column.header]: e.target.value === '' ? null : e.target.value }))}
                  >
                    <option value="">{t('analysis.notPersonal')}</option>
                    {categories.map((category) => (
                      <option key={category} value={category}>
                        {label('analysis.category', category)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {Object.keys(corrections).length > 0 ? (
        <button type="button" className="button" onClick={() => void rerun()}>
          {t('analysis.rerun')}
        </button>
      ) : null}
      <Totals totals={result.totals} />
      {result.totals.unreadableRows > 0 ? (
        <p>
          {t('analysis.unreadable', { count: result.totals.unreadableRows })} <a href={api.unreadableRowsUrl(caseId, analysisId)}>{t('analysis.unreadableDownload')}</a>
        </p>
      ) : null}
      <p>
        <button type="button" className="button" onClick={() => void apply()}>
          {t('analysis.apply')}
        </button>
        {analysis.appliedAt ? ` ${t('analysis.appliedAt', { at: analysis.appliedAt })}` : null}
      </p>
      {message ? <p role="status">{message}</p> : null}
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
    </div>
  );
}

function CountList({ title, counts }: { title: string; counts: Record<string, number> }) {
  const { label } = useI18n();
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (entries.length === 0) return null;
  return (
    <div>
      <h4>{title}</h4>
      <dl className="facts">
        {entries.map(([key, n]) => (
          <div key={key}>
            <dt>{label('analysis.category', key)}</dt>
            <dd>{n.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function Totals({ totals }: { totals: AnalysisTotals }) {
  const { t } = useI18n();
  const ages = Object.entries(totals.ageHistogram);
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: { labels: ages.map(([bucket]) => bucket), datasets: [{ label: t('analysis.ages'), data: ages.map(([, n]) => n) }] },
      options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } },
    }),
    [totals, t],
  );
  const v = totals.vulnerable;
  return (
    <div>
      <h3>{t('analysis.totals')}</h3>
      <dl className="facts">
        <div>
          <dt>{t('analysis.rows')}</dt>
          <dd>{totals.dataRows.toLocaleString()}</dd>
        </div>
        <div>
          <dt>{t('analysis.persons')}</dt>
          <dd>{totals.persons.toLocaleString()}</dd>
        </div>
        <div>
          <dt>{t('analysis.uncertainMerges')}</dt>
          <dd>{totals.uncertainMerges.toLocaleString()}</dd>
        </div>
      </dl>
      <CountList title={t('analysis.recordsPerPerson')} counts={totals.recordsPerPerson} />
      <CountList title={t('analysis.perCategory')} counts={totals.personsPerCategory} />
      <CountList title={t('analysis.perBrand')} counts={totals.personsPerBrand} />
      <CountList title={t('analysis.perSet')} counts={totals.personsPerSet} />
      <CountList
        title={t('analysis.vulnerable')}
        counts={{
          minors: v.minors,
          aged_80_plus: v.aged80Plus,
          financial_administration: v.financialAdministration,
          debt_counselling: v.debtCounselling,
          payment_arrangement: v.paymentArrangement,
          health: v.health,
        }}
      />
      {ages.length > 0 ? (
        <>
          <h4>{t('analysis.ages')}</h4>
          <ChartCanvas config={config} label={t('analysis.agesLabel')}>
            <table>
              <tbody>
                {ages.map(([bucket, n]) => (
                  <tr key={bucket}>
                    <th scope="row">{bucket}</th>
                    <td>{n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartCanvas>
        </>
      ) : null}
    </div>
  );
}
