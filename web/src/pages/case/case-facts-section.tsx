import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../api.ts';
import type { CaseChange, CaseDetail } from '../../api-types.ts';
import {
  availabilityLosses,
  breachCauses,
  categoryLabel,
  confidentialityLosses,
  dataCategories,
  draftFromFacts,
  factSourcesUnder,
  factsFromDraft,
  integrityLosses,
  protections,
  transferBases,
  vulnerableGroups,
  type FactsDraft,
  type YesNo,
} from '../../case-facts-form.ts';
import { fromLocalInput, toLocalInput } from '../../datetime-input.ts';
import { describeError, ErrorMessage, StatusMessage } from '../../components/feedback.tsx';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAction, useResource } from '../../use-resource.ts';
import { loadAssignableUsers } from './assignable-users.ts';

/** Each figure says where it came from: entered by whom and when, or computed. */
function Sources({ breach, path }: { breach: CaseDetail; path: string }) {
  const { t, label, moment } = useI18n();
  const users = useResource(loadAssignableUsers, []);
  const sources = factSourcesUnder(breach.factSources ?? null, path);
  if (sources.length === 0) return <p className="fact-source">{t('facts.source.none')}</p>;
  const nameOf = (id: string | undefined) => (id ? ((users.status === 'ready' ? users.data.find((u) => u.id === id)?.name : undefined) ?? t('facts.source.someone')) : undefined);
  return (
    <ul className="fact-sources" aria-label={t('facts.sources')}>
      {sources.map((s) => {
        const field = s.path.split('.').slice(1).join('.') || s.path;
        const by = nameOf(s.by);
        return (
          <li key={s.path}>
            {label('factField', field)}: {s.kind ? label('factSource', s.kind) : t('factSource.entered')}
            {by ? ` ${t('facts.source.by', { name: by })}` : ''}
            {s.at ? `, ${moment(s.at)}` : ''}
          </li>
        );
      })}
    </ul>
  );
}

function Group({ title, children, breach, path }: { title: string; children: ReactNode; breach: CaseDetail; path: string }) {
  return (
    <fieldset className="fact-group">
      <legend>{title}</legend>
      <Sources breach={breach} path={path} />
      {children}
    </fieldset>
  );
}

interface Dates {
  awareAt: string;
  detectedAt: string;
  occurredAt: string;
  effects: string;
  remedialAction: string;
  decisionReason: string;
}

function datesOf(c: CaseDetail): Dates {
  return {
    awareAt: toLocalInput(c.awareAt),
    detectedAt: toLocalInput(c.detectedAt),
    occurredAt: toLocalInput(c.occurredAt),
    effects: c.effects ?? '',
    remedialAction: c.remedialAction ?? '',
    decisionReason: c.decisionReason ?? '',
  };
}

/** Only what changed is sent, so that the timeline names exactly what someone altered. */
function caseChange(before: Dates, after: Dates): CaseChange {
  const change: CaseChange = {};
  for (const key of ['awareAt', 'detectedAt', 'occurredAt'] as const) {
    const value = fromLocalInput(after[key]);
    if (after[key] !== before[key] && value) change[key] = value;
  }
  for (const key of ['effects', 'remedialAction', 'decisionReason'] as const) {
    if (after[key] !== before[key]) change[key] = after[key];
  }
  return change;
}

export function CaseFactsSection({ breach, onChange }: { breach: CaseDetail; onChange: (next: CaseDetail) => void }) {
  const { t, label, locale } = useI18n();
  const run = useAction();
  const [dates, setDates] = useState(() => datesOf(breach));
  const [draft, setDraft] = useState(() => draftFromFacts(breach.facts));
  const [errors, setErrors] = useState<Partial<Record<keyof FactsDraft, string>>>({});
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof FactsDraft>(key: K, value: FactsDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setDate = (key: keyof Dates, value: string) => setDates((d) => ({ ...d, [key]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const { facts, errors: problems } = factsFromDraft(draft, breach.facts);
    setErrors(Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, t(`facts.error.${v}`)])));
    if (Object.keys(problems).length) return;
    setBusy(true);
    setError(undefined);
    try {
      let next = breach;
      const change = caseChange(datesOf(breach), dates);
      if (Object.keys(change).length) next = await run(() => api.updateCase(breach.id, change));
      if (JSON.stringify(facts) !== JSON.stringify(breach.facts ?? {})) next = await run(() => api.updateCaseFacts(breach.id, facts));
      onChange(next);
      setDates(datesOf(next));
      setDraft(draftFromFacts(next.facts));
      setSaved(true);
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  const options = (prefix: string, values: readonly string[], empty = true) => [
    ...(empty ? [{ value: '', label: t('facts.unknown') }] : []),
    ...values.map((value) => ({ value, label: label(prefix, value) })),
  ];
  const yesNo = [
    { value: '', label: t('facts.unknown') },
    { value: 'yes', label: t('tri.yes') },
    { value: 'no', label: t('tri.no') },
  ];

  return (
    <section id="case-facts" className="card" aria-labelledby="case-facts-title">
      <h2 id="case-facts-title">{t('case.section.facts')}</h2>
      <form onSubmit={(event) => void save(event)} noValidate className="facts-form">
        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
        <fieldset className="fact-group">
          <legend>{t('facts.moments')}</legend>
          <p className="field-hint">{t('facts.momentsHint')}</p>
          <div className="field-row">
            <TextField label={t('facts.occurredAt')} type="datetime-local" value={dates.occurredAt} onChange={(e) => setDate('occurredAt', e.target.value)} />
            <TextField label={t('facts.detectedAt')} type="datetime-local" value={dates.detectedAt} onChange={(e) => setDate('detectedAt', e.target.value)} />
            <TextField label={t('facts.awareAt')} hint={t('facts.awareAtHint')} type="datetime-local" value={dates.awareAt} onChange={(e) => setDate('awareAt', e.target.value)} />
          </div>
        </fieldset>
        <Group title={t('facts.breach')} breach={breach} path="breach">
          <div className="field-row">
            <SelectField label={t('facts.confidentiality')} value={draft.confidentiality} onChange={(e) => set('confidentiality', e.target.value)} options={options('confidentiality', confidentialityLosses)} />
            <SelectField label={t('facts.integrity')} value={draft.integrity} onChange={(e) => set('integrity', e.target.value)} options={options('integrity', integrityLosses)} />
            <SelectField label={t('facts.availability')} value={draft.availability} onChange={(e) => set('availability', e.target.value)} options={options('availability', availabilityLosses)} />
            <SelectField label={t('facts.cause')} value={draft.cause} onChange={(e) => set('cause', e.target.value)} options={options('cause', breachCauses)} />
            <SelectField label={t('facts.malicious')} value={draft.malicious} onChange={(e) => set('malicious', e.target.value as YesNo)} options={yesNo} />
            <SelectField label={t('facts.ongoing')} value={draft.ongoing} onChange={(e) => set('ongoing', e.target.value as YesNo)} options={yesNo} />
          </div>
        </Group>
        <Group title={t('facts.data')} breach={breach} path="data">
          <ChoiceGroup
            legend={t('facts.categories')}
            columns
            options={dataCategories.map((value) => ({ value, label: categoryLabel(value, locale) }))}
            values={draft.categories}
            onChange={(v) => set('categories', v as string[])}
          />
          <div className="field-row">
            <TextField label={t('facts.personsMin')} error={errors.personsMin} type="number" min={0} inputMode="numeric" value={draft.personsMin} onChange={(e) => set('personsMin', e.target.value)} />
            <TextField label={t('facts.personsMax')} error={errors.personsMax} type="number" min={0} inputMode="numeric" value={draft.personsMax} onChange={(e) => set('personsMax', e.target.value)} />
            <TextField label={t('facts.records')} hint={t('facts.recordsHint')} error={errors.records} type="number" min={0} inputMode="numeric" value={draft.records} onChange={(e) => set('records', e.target.value)} />
            <SelectField label={t('facts.protection')} value={draft.protection} onChange={(e) => set('protection', e.target.value)} options={options('protection', protections)} />
          </div>
          <ChoiceGroup
            legend={t('facts.vulnerable')}
            columns
            options={vulnerableGroups.map((value) => ({ value, label: label('vulnerable', value) }))}
            values={draft.vulnerable}
            onChange={(v) => set('vulnerable', v as string[])}
          />
        </Group>
        <Group title={t('facts.transfer')} breach={breach} path="transfer">
          <div className="field-row">
            <SelectField label={t('facts.outsideEea')} value={draft.transfer} onChange={(e) => set('transfer', e.target.value as YesNo)} options={yesNo} />
            {draft.transfer !== '' ? (
              <>
                <TextField label={t('facts.country')} hint={t('facts.countryHint')} error={errors.destinationCountry} maxLength={2} value={draft.destinationCountry} onChange={(e) => set('destinationCountry', e.target.value)} />
                <SelectField label={t('facts.transferBasis')} value={draft.transferBasis} onChange={(e) => set('transferBasis', e.target.value)} options={options('transferBasis', transferBases)} />
              </>
            ) : null}
          </div>
        </Group>
        <fieldset className="fact-group">
          <legend>{t('facts.outcome')}</legend>
          <TextAreaField label={t('facts.effects')} value={dates.effects} onChange={(e) => setDate('effects', e.target.value)} />
          <TextAreaField label={t('facts.remedialAction')} value={dates.remedialAction} onChange={(e) => setDate('remedialAction', e.target.value)} />
          <TextAreaField label={t('facts.decisionReason')} value={dates.decisionReason} onChange={(e) => setDate('decisionReason', e.target.value)} />
        </fieldset>
        {saved ? <StatusMessage>{t('common.saved')}</StatusMessage> : null}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('facts.save')}
        </button>
      </form>
    </section>
  );
}
