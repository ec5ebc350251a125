import { describe, expect, it } from 'vitest';
import { diffDraftSections } from './draft-diff.ts';
import { buildDraftContent, type DraftInput } from './draft-sections.ts';
import type { DraftSection } from './regulator.schemas.ts';

function buildDraftInput(overrides: Partial<DraftInput> = {}): DraftInput {
  return {
    kind: 'initial',
    regime: 'gdpr',
    timeZone: 'Europe/Amsterdam',
    organisation: { name: 'Voorbeeld Telecom B.V.', sector: 'telecom', nis2: 'none', dpoName: 'A. de Vries', dpoEmail: 'fg@voorbeeld.test', dpoPhone: null },
    reporter: { name: 'B. Jansen', position: 'Privacy officer', phone: '+31 20 123 4567' },
    otherParties: [],
    caseInfo: {
      reference: 'BD-2026-0001',
      title: 'Klantcontactsysteem',
      summary: 'Aanvallers kregen toegang tot het klantcontactsysteem.',
      awareAt: '2026-02-10T08:00:00.000Z',
      detectedAt: '2026-02-09T22:00:00.000Z',
      occurredAt: null,
      effects: '',
      remedialAction: 'Toegang geblokkeerd, wachtwoorden vervangen.',
      decisionReason: '',
      closedReason: null,
    },
    facts: {
      sector: 'telecom',
      breach: { confidentiality: 'public', malicious: true, cause: 'hack', ongoing: false },
      data: { categories: ['name', 'iban', 'id_document', 'birth_date'], subjects: { min: 5_900_000, max: 6_200_000 }, records: 21_000_000, vulnerable: ['financial_administration'], protection: 'none' },
    },
    assessment: { chosenOutcome: 'high', overridden: false, justification: null, notifySubjects: true, severityLevel: 'very_high', severityScore: 4.25, exceptions: [] },
    otherNotifications: [],
    previous: null,
    otherInformation: null,
    ...overrides,
  };
}

function answerOf(sections: DraftSection[], sectionId: string, answerId: string) {
  const found = sections.find((s) => s.id === sectionId)?.answers.find((a) => a.id === answerId);
  if (!found) throw new Error(`no answer ${sectionId}/${answerId}`);
  return found;
}

function missingOf(sections: DraftSection[]): string[] {
  return sections.flatMap((s) => s.answers.filter((a) => a.missing).map((a) => `${s.id}/${a.id}`));
}

describe('AP notification draft', () => {
  it('has every section of the form, 0 to 9, each answered in Dutch and English', () => {
    const { sections } = buildDraftContent(buildDraftInput());
    expect(sections.map((s) => s.id)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (const a of sections.flatMap((s) => s.answers)) {
      expect(a.answer.nl.length).toBeGreaterThan(0);
      expect(a.answer.en.length).toBeGreaterThan(0);
    }
  });

  it('marks exactly the answers the case does not hold yet', () => {
    const { sections } = buildDraftContent(buildDraftInput());
    // No occurrence moment, no transfer recorded.
    expect(missingOf(sections)).toEqual(['2/occurred_at', '8/international']);
    const bare = buildDraftContent(buildDraftInput({ facts: {}, assessment: null, reporter: { name: 'B. Jansen', position: 'Privacy officer', phone: null }, caseInfo: { ...buildDraftInput().caseInfo, summary: '', remedialAction: '' } }));
    expect(missingOf(bare.sections)).toEqual([
      '1/reporter',
      '2/occurred_at',
      '2/ongoing',
      '3/summary',
      '3/nature',
      '3/cause',
      '4/categories',
      '4/records',
      '5/subjects',
      '5/groups',
      '6/protection',
      '7/cia',
      '7/people',
      '8/people_informed',
      '8/measures_taken',
      '8/international',
    ]);
    expect(answerOf(bare.sections, '4', 'records').answer.nl).toContain('Nog niet bekend');
  });

  it('fills the answers from the facts', () => {
    const { sections } = buildDraftContent(buildDraftInput());
    expect(answerOf(sections, '0', 'law').answer.nl).toContain('AVG');
    expect(answerOf(sections, '1', 'contact').answer.nl).toBe('A. de Vries, fg@voorbeeld.test');
    expect(answerOf(sections, '3', 'nature').answer.nl).toContain('openbaar gemaakt');
    expect(answerOf(sections, '4', 'categories').answer.en).toContain('Financial or economic data (bank account numbers)');
    expect(answerOf(sections, '4', 'records').answer.nl).toBe('Ongeveer 21.000.000 records.');
    expect(answerOf(sections, '5', 'subjects').answer.en).toBe('At least 5,900,000 and at most 6,200,000 people.');
    expect(answerOf(sections, '5', 'groups').answer.nl).toMatch(/^Ja: /);
    expect(answerOf(sections, '6', 'protection').answer.nl).toMatch(/^Nee/);
    expect(answerOf(sections, '7', 'people').answer.en).toContain('identity fraud');
    expect(answerOf(sections, '8', 'people_informed').answer.nl).toMatch(/^Ja/);
    expect(answerOf(sections, '2', 'detected_at').answer.nl).toContain('2026');
  });

  it('says why people are not informed when an art. 34(3) exception applies', () => {
    const { sections } = buildDraftContent(
      buildDraftInput({ assessment: { chosenOutcome: 'high', overridden: false, justification: null, notifySubjects: false, severityLevel: 'high', severityScore: 3, exceptions: [{ article: '34(3)(a)', nl: 'de gegevens waren versleuteld.', en: 'the data were encrypted.' }] } }),
    );
    expect(answerOf(sections, '8', 'people_informed').answer.en).toBe('No: art. 34(3)(a): the data were encrypted.');
  });

  it('is the Telecommunications Act variant with its 24-hour and 3-day terms for a telecom provider', () => {
    const initial = buildDraftContent(buildDraftInput({ regime: 'telecom' }));
    expect(initial.title.nl).toContain('24 uur');
    expect(answerOf(initial.sections, '0', 'law').answer.nl).toContain('Telecommunicatiewet, artikel 11.3a');
    expect(answerOf(initial.sections, '0', 'law').answer.nl).toContain('3 dagen');
    const complete = buildDraftContent(buildDraftInput({ regime: 'telecom', kind: 'follow_up', previous: { apReference: 'AP-123', submittedAt: '2026-02-10T12:00:00.000Z' } }));
    expect(answerOf(complete.sections, '0', 'kind').answer.nl).toBe('Volledige melding, aanvulling op melding AP-123.');
    expect(complete.sections.map((s) => s.id)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it.each([
    ['nis2_early_warning', ['malicious', 'cross_border']],
    ['nis2_notification', ['summary', 'assessment', 'indicators', 'malicious', 'cross_border']],
    ['nis2_final', ['description', 'root_cause', 'mitigation', 'cross_border']],
  ] as const)('gives the CSIRT texts of %s', (regime, answers) => {
    const { sections, recipient } = buildDraftContent(buildDraftInput({ regime, organisation: { ...buildDraftInput().organisation, nis2: 'essential' } }));
    expect(recipient.en).toContain('CSIRT');
    expect(sections.map((s) => s.id)).toEqual(['0', '1', '2', '3']);
    expect(sections[3]!.answers.map((a) => a.id)).toEqual(answers);
    expect(answerOf(sections, '1', 'entity').answer.en).toContain('essential entity');
  });

  it('asks the CSIRT notification for indicators of compromise until they are given', () => {
    const input = buildDraftInput({ regime: 'nis2_notification', organisation: { ...buildDraftInput().organisation, nis2: 'important' } });
    expect(answerOf(buildDraftContent(input).sections, '3', 'indicators').missing).toBe(true);
    expect(answerOf(buildDraftContent({ ...input, otherInformation: 'IP 203.0.113.7' }).sections, '3', 'indicators').missing).toBe(false);
  });

  it('withdraws with the reference and the reason', () => {
    const { sections } = buildDraftContent(buildDraftInput({ kind: 'withdrawal', previous: { apReference: 'AP-9', submittedAt: '2026-02-10T12:00:00.000Z' }, otherInformation: 'Geen persoonsgegevens getroffen.' }));
    expect(sections.map((s) => s.id)).toEqual(['0', '1', 'withdrawal']);
    expect(answerOf(sections, 'withdrawal', 'reference').answer.nl).toBe('AP-9');
    expect(answerOf(sections, 'withdrawal', 'reason').missing).toBe(false);
  });
});

describe('follow-up changes', () => {
  it('lists what was added, changed and completed, and nothing else', () => {
    const first = buildDraftContent(buildDraftInput()).sections;
    const later = buildDraftContent(
      buildDraftInput({
        kind: 'follow_up',
        previous: { apReference: 'AP-1', submittedAt: '2026-02-10T12:00:00.000Z' },
        caseInfo: { ...buildDraftInput().caseInfo, occurredAt: '2026-02-01T03:00:00.000Z' },
        facts: { ...buildDraftInput().facts, data: { ...(buildDraftInput().facts.data as object), subjects: { min: 6_000_000, max: 6_200_000 } } },
      }),
    ).sections;
    const changes = diffDraftSections(first, later);
    expect(changes.map((c) => `${c.sectionId}/${c.answerId}`)).toEqual(['2/occurred_at', '5/subjects']);
    expect(changes[0]!.before).toBeNull();
    expect(changes[1]!.before?.en).toContain('5,900,000');
    expect(changes[1]!.after?.en).toContain('6,000,000');
  });

  it('is empty when nothing changed', () => {
    const sections = buildDraftContent(buildDraftInput()).sections;
    expect(diffDraftSections(sections, sections)).toEqual([]);
  });
});
