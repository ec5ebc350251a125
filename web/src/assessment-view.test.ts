import { describe, expect, it } from 'vitest';
import type { DecisionReport, DraftView } from './api-types.ts';
import { applicableDeadlines, automaticFacts, draftKindsAvailable, draftRegimesFor, factsChanged, inLocale, minJustificationLength, missingQuestions, overrideProblem } from './assessment-view.ts';

describe('overrideProblem', () => {
  it('asks nothing when the computed outcome is kept', () => {
    expect(overrideProblem('high', 'high', '')).toBeUndefined();
  });

  it('asks for a justification when another outcome is chosen, and one of substance', () => {
    expect(overrideProblem('high', 'risk', '')).toBe('justificationRequired');
    expect(overrideProblem('high', 'risk', '   \n ')).toBe('justificationRequired');
    expect(overrideProblem('none', 'risk', 'x'.repeat(minJustificationLength - 1))).toBe('justificationTooShort');
    expect(overrideProblem('none', 'risk', ` ${'x'.repeat(minJustificationLength)} `)).toBeUndefined();
  });
});

describe('applicableDeadlines', () => {
  const deadline = (id: string, due: string | null, applies = true) => ({
    id,
    legal_basis: '',
    recipient: 'supervisory_authority',
    starts_from: 'awareness',
    started_at: null,
    due_at: due,
    applies,
    not_applicable_reason: applies ? null : 'not_nis2_entity',
  });

  it('keeps only the deadlines that apply, the earliest first and an unknown one last', () => {
    const decision = {
      deadlines: [
        deadline('gdpr_authority', '2026-03-04T20:00:00.000Z'),
        deadline('nis2_early_warning', null, false),
        deadline('telecom_complete', null),
        deadline('telecom_initial', '2026-03-02T20:00:00.000Z'),
      ],
    } as unknown as DecisionReport;
    expect(applicableDeadlines(decision).map((d) => d.id)).toEqual(['telecom_initial', 'gdpr_authority', 'telecom_complete']);
  });
});

describe('draftRegimesFor', () => {
  it('offers the telecom variant to telecom providers and the CSIRT reports to NIS2 entities only', () => {
    expect(draftRegimesFor('retail', 'none')).toEqual(['gdpr']);
    expect(draftRegimesFor('telecom', 'none')).toEqual(['gdpr', 'telecom']);
    expect(draftRegimesFor('energy', 'important')).toEqual(['gdpr', 'nis2_early_warning', 'nis2_notification', 'nis2_final']);
  });
});

describe('draftKindsAvailable', () => {
  it('offers a follow-up and a withdrawal only after a notification was submitted', () => {
    expect(draftKindsAvailable([])).toEqual(['initial']);
    expect(draftKindsAvailable([{ submittedAt: null }])).toEqual(['initial']);
    expect(draftKindsAvailable([{ submittedAt: null }, { submittedAt: '2026-03-02T10:00:00.000Z' }])).toEqual(['initial', 'follow_up', 'withdrawal']);
  });
});

describe('missingQuestions', () => {
  const q = (en: string) => ({ en, nl: `nl ${en}` });
  const draft = {
    sections: [
      { id: 's1', title: q('Contact'), answers: [{ id: 'a', question: q('Phone'), answer: q(''), missing: true }, { id: 'b', question: q('Name'), answer: q('Pia'), missing: false }] },
      { id: 's2', title: q('Data'), answers: [{ id: 'c', question: q('Records'), answer: q(''), missing: true }] },
    ],
  } as Pick<DraftView, 'sections'>;

  it('names each missing answer with its section, in the reader language', () => {
    expect(missingQuestions(draft, 'en')).toEqual(['Contact: Phone', 'Data: Records']);
    expect(missingQuestions(draft, 'nl')).toEqual(['nl Contact: nl Phone', 'nl Data: nl Records']);
  });

  it('falls back to English when a text has no Dutch', () => {
    expect(inLocale({ en: 'Phone', nl: '' }, 'nl')).toBe('Phone');
  });
});

describe('factsChanged', () => {
  it('ignores the order of keys but not a changed value', () => {
    const decided = { sector: 'telecom', data: { subjects: { min: 1, max: 5 }, categories: ['name', 'iban'] } };
    expect(factsChanged(decided, { data: { categories: ['name', 'iban'], subjects: { max: 5, min: 1 } }, sector: 'telecom' })).toBe(false);
    expect(factsChanged(decided, { sector: 'telecom', data: { subjects: { min: 1, max: 6 }, categories: ['name', 'iban'] } })).toBe(true);
    expect(factsChanged(decided, { sector: 'telecom', data: { subjects: { min: 1, max: 5 }, categories: ['iban', 'name'] } })).toBe(true);
  });
});

describe('automaticFacts', () => {
  it('lists only the facts not entered by a person, by path', () => {
    const sources = {
      'data.subjects': { source: 'impact_analysis', by: null, at: '2026-03-02T10:00:00.000Z' },
      'breach.cause': { source: 'user', by: 'u1', at: '2026-03-02T09:00:00.000Z' },
      sector: { source: 'organisation', by: null, at: '' },
      'breach.aware_at': { source: 'case', by: null, at: '' },
    };
    expect(automaticFacts(sources).map((f) => [f.path, f.source])).toEqual([
      ['breach.aware_at', 'case'],
      ['data.subjects', 'impact_analysis'],
      ['sector', 'organisation'],
    ]);
  });
});
