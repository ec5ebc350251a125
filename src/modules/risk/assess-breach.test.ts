import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessBreach } from './assess-breach.ts';
import { parseCaseFacts } from './parse-case-facts.ts';
import { buildFacts } from './risk.fixtures.ts';

function example(name: string) {
  return parseCaseFacts(JSON.parse(readFileSync(new URL(`../../../docs/examples/${name}.json`, import.meta.url), 'utf8')));
}
const codes = (decision: ReturnType<typeof assessBreach>) => decision.reasons.map((reason) => reason.code);

describe('the three cases Breachdesk is designed for', () => {
  it('telecom hack: very high severity, every reason for informing 6.2 million people', () => {
    const decision = assessBreach(example('telecom-hack'));
    expect(decision.severity).toMatchObject({ dpc: 4, ei: 1, cb: 1, score: 5, level: 'very_high' });
    // Internal notes on payment arrangements make it financial data giving a profile; the financial administrators add a step.
    expect(decision.severity.adjustments).toContainEqual(expect.objectContaining({ rule: 'financial_profile', data_type: 'financial' }));
    expect(decision.risk).toBe('high');
    expect(decision).toMatchObject({ notify_authority: true, notify_subjects: true, public_communication: false });
    expect(codes(decision)).toEqual(
      expect.arrayContaining(['identity_fraud_possible', 'vulnerable_targeted', 'mass_exposure', 'data_made_public', 'telecom_every_breach', 'nis2_separate']),
    );
    expect(decision.reasons.at(-1)?.code).toBe('conclusion');
  });

  it('energy insider: elderly targeted for fraud, so the people are informed', () => {
    const decision = assessBreach(example('energy-insider'));
    // Bank account numbers alone are financial data scored 2; simple data profile 2; vulnerable elderly raise both to 3.
    expect(decision.severity).toMatchObject({ dpc: 3, ei: 1, cb: 1, score: 4, level: 'very_high' });
    expect(decision.severity.adjustments).toContainEqual(expect.objectContaining({ rule: 'nature_some_financial', from: 3, to: 2 }));
    expect(decision.severity.adjustments).toContainEqual(expect.objectContaining({ rule: 'vulnerable_individuals', from: 2, to: 3 }));
    expect(decision).toMatchObject({ risk: 'high', notify_authority: true, notify_subjects: true });
    expect(codes(decision)).toContain('vulnerable_targeted');
    expect(decision.reasons.find((r) => r.code === 'vulnerable_targeted')?.nl).toContain('ouderen');
  });

  it('routers and the AI company: low severity, but the transfer without a Chapter V basis is a risk', () => {
    const decision = assessBreach(example('routers-ai-transfer'));
    expect(decision.severity).toMatchObject({ dpc: 1, ei: 0.5, cb: 0.25, level: 'low' });
    expect(decision.risk).toBe('risk');
    expect(codes(decision)).toEqual(expect.arrayContaining(['unlawful_transfer', 'unlawful_processing', 'telecom_every_breach', 'telecom_subscribers']));
    expect(decision.notify_authority).toBe(true);
  });
});

describe('Art. 34(3) exceptions', () => {
  const highRisk = { breach: { confidentiality: 'unknown_recipients', malicious: true, cause: 'hack' }, data: { categories: ['name', 'health'] } } as const;

  it('without an exception a high risk means informing the people', () => {
    const decision = assessBreach(buildFacts({ ...highRisk, data: { ...highRisk.data, categories: ['name', 'health'] } }));
    expect(decision).toMatchObject({ risk: 'high', notify_subjects: true, exceptions: [] });
  });

  it('(b) later measures: the authority is still notified, the people are not', () => {
    const decision = assessBreach(buildFacts({ ...highRisk, data: { categories: ['name', 'health'] }, measures: { high_risk_mitigated: true } }));
    expect(decision).toMatchObject({ risk: 'high', notify_authority: true, notify_subjects: false, public_communication: false });
    expect(decision.exceptions.map((e) => e.article)).toEqual(['34(3)(b)']);
  });

  it('(c) disproportionate effort: a public communication instead', () => {
    const decision = assessBreach(buildFacts({ ...highRisk, data: { categories: ['name', 'health'] }, measures: { disproportionate_effort: true } }));
    expect(decision).toMatchObject({ risk: 'high', notify_subjects: false, public_communication: true });
    expect(decision.reasons.map((r) => r.code)).toContain('art_34_3__c_');
  });

  it('(a) encrypted with the key safe: the people need not be informed of an availability-driven high risk', () => {
    const decision = assessBreach(
      buildFacts({
        controller_traits: ['hospital'],
        breach: { confidentiality: 'unknown_recipients', availability: 'temporary', malicious: true, cause: 'ransomware' },
        data: { categories: ['name', 'health'], protection: 'encrypted_key_safe', backup_available: true },
      }),
    );
    expect(decision.risk).toBe('high');
    expect(decision.exceptions.map((e) => e.article)).toEqual(['34(3)(a)']);
    expect(decision.notify_subjects).toBe(false);
  });
});

describe('assessBreach', () => {
  it('is deterministic and explains itself in Dutch and English', () => {
    const facts = example('telecom-hack');
    expect(JSON.stringify(assessBreach(facts))).toBe(JSON.stringify(assessBreach(facts)));
    for (const reason of assessBreach(facts).reasons) {
      expect(reason.en.length).toBeGreaterThan(10);
      expect(reason.nl.length).toBeGreaterThan(10);
      expect(reason.nl).not.toBe(reason.en);
    }
  });

  it('lists the seven EDPB risk factors', () => {
    expect(assessBreach(buildFacts()).factors.map((f) => f.factor)).toEqual([
      'type_of_breach',
      'nature_sensitivity_volume',
      'ease_of_identification',
      'severity_of_consequences',
      'vulnerable_individuals',
      'controller_characteristics',
      'number_of_people',
    ]);
  });

  it('a small mistake with names only is documented, not notified', () => {
    const decision = assessBreach(buildFacts());
    expect(decision).toMatchObject({ risk: 'none', notify_authority: false, notify_subjects: false });
  });

  it('mass exposure raises a risk to high only from 10,000 people', () => {
    const facts = (max: number) =>
      buildFacts({ breach: { confidentiality: 'unknown_recipients', malicious: true, cause: 'hack' }, data: { categories: ['name', 'email'], subjects: { min: 1, max } } });
    expect(assessBreach(facts(9_999)).risk).toBe('risk');
    expect(assessBreach(facts(10_000)).risk).toBe('high');
  });
});
