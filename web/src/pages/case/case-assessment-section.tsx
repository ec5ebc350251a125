import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import type { AssessmentRecord, CaseAssessmentView, CaseDetail, DecisionReport, PartyOutcome, RiskOutcomeValue } from '../../api-types.ts';
import { applicableDeadlines, automaticFacts, factsChanged, inLocale, overrideProblem, riskOutcomes } from '../../assessment-view.ts';
import { describeError, ErrorMessage, fieldErrors, StatusMessage } from '../../components/feedback.tsx';
import { SelectField, TextAreaField } from '../../components/field.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { permissions } from '../../permissions.ts';
import { useUser } from '../../session.tsx';
import { useAction, useResource } from '../../use-resource.ts';

function Outcome({ risk }: { risk: RiskOutcomeValue }) {
  const { label } = useI18n();
  return <span className={`risk risk-${risk}`}>{label('assessment.outcome', risk)}</span>;
}

function PartyOutcomes({ parties }: { parties: readonly PartyOutcome[] }) {
  const { t, label } = useI18n();
  if (parties.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{t('assessment.perController')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assessment.controller')}</th>
            <th scope="col">{t('assessment.sector')}</th>
            <th scope="col">{t('assessment.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {parties.map((p) => (
            <tr key={p.partyId}>
              <th scope="row">
                {p.name} <span className="subtle">({label('partyRole', p.role)})</span>
              </th>
              <td>
                {label('sector', p.sector)}
                {p.nis2 !== 'none' ? ` · ${label('nis2', p.nis2)}` : ''}
              </td>
              <td>
                <Outcome risk={p.risk} />
                {p.publicCommunication ? ` · ${t('assessment.publicCommunication')}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Everything the decision stands on: the score and each step to it, the factors, the exceptions, the clocks, the reasons. */
function DecisionDetails({ decision }: { decision: DecisionReport }) {
  const { t, label, locale, moment } = useI18n();
  const { severity } = decision;
  const deadlines = applicableDeadlines(decision);
  return (
    <div className="stack">
      <h3>{t('assessment.reasons')}</h3>
      <ol className="assessment-reasons">
        {decision.reasons.map((r) => (
          <li key={r.code}>{inLocale(r, locale)}</li>
        ))}
      </ol>

      <h3>{t('assessment.severity')}</h3>
      <dl className="facts">
        <div>
          <dt>{t('assessment.dpc')}</dt>
          <dd>
            {severity.dpc} <span className="subtle">({label('assessment.dataType', severity.dpc_data_type)})</span>
          </dd>
        </div>
        <div>
          <dt>{t('assessment.ei')}</dt>
          <dd>
            {severity.ei} <span className="subtle">({label('assessment.eiLevel', severity.ei_level)})</span>
          </dd>
        </div>
        <div>
          <dt>{t('assessment.cb')}</dt>
          <dd>{severity.cb}</dd>
        </div>
        <div>
          <dt>{t('assessment.score')}</dt>
          <dd>
            {severity.score} · {label('assessment.level', severity.level)}
          </dd>
        </div>
      </dl>
      {severity.adjustments.length ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('assessment.adjustments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessment.criterion')}</th>
                <th scope="col">{t('assessment.step')}</th>
                <th scope="col">{t('assessment.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {severity.adjustments.map((a, i) => (
                <tr key={`${a.criterion}-${a.rule}-${i}`}>
                  <th scope="row">
                    {label('assessment.criterion', a.criterion)}
                    {a.data_type ? <span className="subtle"> ({label('assessment.dataType', a.data_type)})</span> : null}
                  </th>
                  <td className="nowrap">
                    {a.from} → {a.to}
                  </td>
                  <td>{inLocale(a, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <h3>{t('assessment.factors')}</h3>
      <ul className="assessment-factors">
        {decision.factors.map((f) => (
          <li key={f.factor}>
            <strong>{label('assessment.factor', f.factor)}</strong> ({label('assessment.direction', f.direction)}): {inLocale(f, locale)}
          </li>
        ))}
      </ul>

      <h3>{t('assessment.exceptions')}</h3>
      {decision.exceptions.length ? (
        <ul>
          {decision.exceptions.map((e) => (
            <li key={e.article}>
              <strong>{e.article}</strong>: {inLocale(e, locale)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('assessment.noExceptions')}</p>
      )}

      <h3>{t('assessment.deadlines')}</h3>
      {deadlines.length ? (
        <ul>
          {deadlines.map((d) => (
            <li key={d.id}>
              <strong>{label('obligation', d.id)}</strong>: {d.due_at ? moment(d.due_at) : t('assessment.dueUnknown')}
              <span className="subtle"> · {d.legal_basis}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('assessment.noDeadlines')}</p>
      )}
    </div>
  );
}

function FactSources({ sources }: { sources: CaseAssessmentView['computed']['factSources'] }) {
  const { t, label, moment } = useI18n();
  const filled = automaticFacts(sources);
  if (filled.length === 0) return null;
  return (
    <>
      <h3>{t('assessment.automatic')}</h3>
      <ul className="fact-sources">
        {filled.map((f) => (
          <li key={f.path}>
            <strong>{label('assessment.fact', f.path)}</strong>: {label('assessment.source', f.source)}
            {f.at ? ` (${moment(f.at)})` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

function RecordedDecision({ record }: { record: AssessmentRecord }) {
  const { t, moment } = useI18n();
  return (
    <dl className="facts" aria-label={t('assessment.recorded')}>
      <div>
        <dt>{t('assessment.chosen')}</dt>
        <dd>
          <Outcome risk={record.chosenOutcome} />
        </dd>
      </div>
      <div>
        <dt>{t('assessment.computed')}</dt>
        <dd>
          <Outcome risk={record.computedOutcome} />
        </dd>
      </div>
      <div>
        <dt>{t('assessment.decidedBy')}</dt>
        <dd>
          {record.decidedBy.name} · {moment(record.decidedAt)}
        </dd>
      </div>
      {record.justification ? (
        <div>
          <dt>{t('assessment.justification')}</dt>
          <dd className="prose">{record.justification}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/**
 * The risk decision of the case: computed from its facts, recorded by an officer, and overridden only
 * with a written justification, so that the decision can be defended to the regulator later.
 */
export function CaseAssessmentSection({ breach, onDecided }: { breach: CaseDetail; onDecided: () => void }) {
  const { t, label } = useI18n();
  const me = useUser();
  const run = useAction();
  const mayDecide = permissions.decideRisk(me.role);
  // Reloaded when what the decision stands on changes, not on every change of the case: the section stays put after a decision.
  const basis = JSON.stringify([breach.facts ?? null, breach.awareAt, breach.detectedAt ?? null, breach.occurredAt ?? null]);
  const view = useResource(() => api.getAssessment(breach.id), [breach.id, basis]);
  const [chosen, setChosen] = useState<RiskOutcomeValue | ''>('');
  const [justification, setJustification] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<'run' | 'override'>();
  const [busy, setBusy] = useState(false);

  async function decide(decision: { chosenOutcome?: RiskOutcomeValue; justification?: string }, kind: 'run' | 'override') {
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      const record = await run(() => api.decideAssessment(breach.id, decision));
      if (view.status === 'ready') view.update((current) => ({ ...current, current: record, history: [record, ...current.history] }));
      setSaved(kind);
      if (kind === 'override') {
        setJustification('');
        setChosen('');
      }
      onDecided();
    } catch (failure) {
      setErrors(fieldErrors(failure));
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  function override(event: FormEvent, computed: RiskOutcomeValue) {
    event.preventDefault();
    const target = chosen || computed;
    const problem = overrideProblem(computed, target, justification);
    const next: Record<string, string> = {};
    if (target === computed) next.chosenOutcome = t('assessment.error.sameOutcome');
    if (problem) next.justification = t(`assessment.error.${problem}`);
    setErrors(next);
    setSaved(undefined);
    if (Object.keys(next).length) return;
    void decide({ chosenOutcome: target, justification: justification.trim() }, 'override');
  }

  return (
    <section id="case-assessment" className="card" aria-labelledby="case-assessment-title">
      <h2 id="case-assessment-title">{t('case.section.assessment')}</h2>
      <ResourceView resource={view}>
        {({ computed, current, history }) => {
          const outdated = current !== null && computed.decision !== null && factsChanged(current.facts, computed.facts);
          // An override is weighed against what the facts lead to now, as the server does.
          const reference = computed.decision?.risk ?? current?.computedOutcome ?? 'none';
          return (
            <div className="stack">
              {computed.decision === null ? (
                <div className="note">
                  <p>{t('assessment.incomplete')}</p>
                  <ul aria-label={t('assessment.missing')}>
                    {computed.missing.map((path) => (
                      <li key={path}>{label('assessment.fact', path)}</li>
                    ))}
                    {computed.invalid.map((issue) => (
                      <li key={issue.field}>
                        {label('assessment.fact', issue.field)}: {issue.message}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {saved === 'run' ? <StatusMessage>{t('assessment.ran')}</StatusMessage> : null}
              {saved === 'override' ? <StatusMessage>{t('assessment.overridden')}</StatusMessage> : null}
              {error && !errors.justification && !errors.chosenOutcome ? <ErrorMessage>{error}</ErrorMessage> : null}
              {current ? (
                <>
                  <RecordedDecision record={current} />
                  {outdated ? <p className="note">{t('assessment.outdated')}</p> : null}
                </>
              ) : (
                <p className="empty">{t('assessment.none')}</p>
              )}
              {mayDecide && computed.decision ? (
                <p>
                  <button type="button" className="button button-primary" disabled={busy} onClick={() => void decide({}, 'run')}>
                    {current ? t('assessment.rerun') : t('assessment.run')}
                  </button>
                </p>
              ) : null}
              {current ? (
                <>
                  <PartyOutcomes parties={current.parties} />
                  <DecisionDetails decision={current.decision} />
                  <FactSources sources={current.factSources} />
                </>
              ) : null}
              {mayDecide && computed.decision ? (
                <form onSubmit={(event) => override(event, reference)} noValidate>
                  <h3>{t('assessment.override')}</h3>
                  <p className="field-hint">{t('assessment.overrideHint')}</p>
                  <SelectField
                    label={t('assessment.chosenOutcome')}
                    error={errors.chosenOutcome}
                    value={chosen || reference}
                    onChange={(e) => setChosen(e.target.value as RiskOutcomeValue)}
                    options={riskOutcomes.map((value) => ({ value, label: label('assessment.outcome', value) }))}
                  />
                  <TextAreaField
                    label={t('assessment.justification')}
                    hint={t('assessment.justificationHint')}
                    error={errors.justification}
                    required
                    value={justification}
                    onChange={(e) => setJustification(e.target.value)}
                  />
                  <button type="submit" className="button" disabled={busy}>
                    {busy ? t('common.saving') : t('assessment.overrideSubmit')}
                  </button>
                </form>
              ) : null}
              {history.length > 1 ? (
                <details>
                  <summary>{t('assessment.history', { count: history.length })}</summary>
                  <ul>
                    {history.map((r) => (
                      <li key={r.id}>
                        <HistoryLine record={r} />
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </div>
          );
        }}
      </ResourceView>
    </section>
  );
}

function HistoryLine({ record }: { record: AssessmentRecord }) {
  const { t, label, moment } = useI18n();
  return (
    <>
      {moment(record.decidedAt)} · {record.decidedBy.name} · {label('assessment.outcome', record.chosenOutcome)}
      {record.overridden ? ` (${t('assessment.computed').toLowerCase()}: ${label('assessment.outcome', record.computedOutcome)})` : ''}
    </>
  );
}
