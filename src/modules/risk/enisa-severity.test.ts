import { describe, expect, it } from 'vitest';
import type { DataCategory } from './case-facts.schemas.ts';
import { assessSeverity, severityLevelFor } from './enisa-severity.ts';
import { buildFacts } from './risk.fixtures.ts';

describe('ENISA severity bands', () => {
  it.each([
    [0, 'low'],
    [1.99, 'low'],
    [2, 'medium'],
    [2.99, 'medium'],
    [3, 'high'],
    [3.99, 'high'],
    [4, 'very_high'],
    [5.5, 'very_high'],
  ] as const)('SE %s is %s', (score, level) => {
    expect(severityLevelFor(score)).toBe(level);
  });
});

describe('ENISA data processing context: base score per data type', () => {
  it.each([
    [['name'], 1, 'simple'],
    [['location'], 2, 'behavioural'],
    [['financial_situation'], 3, 'financial'],
    [['health'], 4, 'sensitive'],
    [['name', 'location', 'health'], 4, 'sensitive'],
  ] as Array<[DataCategory[], number, string]>)('%j scores %i (%s)', (categories, dpc, type) => {
    const severity = assessSeverity(buildFacts({ data: { categories } }));
    expect(severity.dpc).toBe(dpc);
    expect(severity.dpc_data_type).toBe(type);
    expect(severity.adjustments.filter((a) => a.criterion === 'dpc')).toEqual([]);
  });
});

describe('ENISA data processing context: adjustments are recorded', () => {
  it.each([
    ['sensitive data giving no insight', { categories: ['health'], insight: 'none' }, 4, 1, 'nature_no_insight'],
    ['sensitive data allowing general assumptions', { categories: ['health'], insight: 'general' }, 4, 2, 'nature_general_assumptions'],
    ['sensitive data allowing assumptions', { categories: ['health'], insight: 'assumptions' }, 4, 3, 'nature_assumptions'],
    ['public sensitive data', { categories: ['criminal'], publicly_available: true }, 4, 1, 'nature_no_insight'],
    ['bank account numbers alone', { categories: ['iban'] }, 3, 2, 'nature_some_financial'],
    ['financial data without insight', { categories: ['financial_situation'], insight: 'none' }, 3, 1, 'nature_no_insight'],
    ['full payment card data', { categories: ['payment_card'] }, 3, 4, 'full_financial_fraud'],
    ['financial profile', { categories: ['financial_situation'], profile_possible: true }, 3, 4, 'financial_profile'],
    ['behavioural data without insight', { categories: ['purchase_history'], insight: 'none' }, 2, 1, 'nature_no_insight'],
    ['behavioural profile', { categories: ['traffic_data'], profile_possible: true }, 2, 3, 'behavioural_profile'],
    ['simple data profile', { categories: ['name', 'address', 'email', 'phone', 'birth_date', 'education_employment'] }, 1, 2, 'simple_profile'],
    ['vulnerable people', { categories: ['name'], vulnerable: ['minors'] }, 1, 2, 'vulnerable_individuals'],
    ['children’s data imply minors', { categories: ['location', 'children_data'] }, 2, 3, 'vulnerable_individuals'],
    ['invalid data', { categories: ['location'], invalid_or_inaccurate: true }, 2, 1, 'invalid_data'],
  ] as const)('%s', (_label, data, from, to, rule) => {
    const severity = assessSeverity(buildFacts({ data: { ...data, categories: [...data.categories] } as never }));
    expect(severity.dpc).toBe(to);
    expect(severity.adjustments).toContainEqual(expect.objectContaining({ criterion: 'dpc', rule, from, to }));
  });

  it('five kinds of simple data are not yet a profile, six are', () => {
    const five: DataCategory[] = ['name', 'address', 'email', 'phone', 'birth_date'];
    expect(assessSeverity(buildFacts({ data: { categories: five } })).dpc).toBe(1);
    expect(assessSeverity(buildFacts({ data: { categories: [...five, 'customer_id'] } })).dpc).toBe(2);
  });

  it('a customer list of a controller that reveals health scores 3', () => {
    const severity = assessSeverity(buildFacts({ controller_traits: ['Pharmacy'], data: { categories: ['name', 'email'] } }));
    expect(severity.dpc).toBe(3);
    expect(severity.adjustments[0]).toMatchObject({ rule: 'controller_reveals_sensitive', from: 1, to: 3 });
  });

  it('credentials take the type of the system they open', () => {
    expect(assessSeverity(buildFacts({ data: { categories: ['login_credentials'] } })).dpc).toBe(1);
    expect(assessSeverity(buildFacts({ sector: 'finance', data: { categories: ['login_credentials'] } })).dpc).toBe(3);
    expect(assessSeverity(buildFacts({ controller_traits: ['hospital'], data: { categories: ['login_credentials'] } })).dpc).toBe(4);
  });

  it('never leaves the 1..4 range', () => {
    const high = assessSeverity(buildFacts({ data: { categories: ['health'], vulnerable: ['patients'] } }));
    expect(high.dpc).toBe(4);
    const low = assessSeverity(buildFacts({ data: { categories: ['name'], invalid_or_inaccurate: true, publicly_available: true } }));
    expect(low.dpc).toBe(1);
  });
});

describe('ENISA ease of identification', () => {
  it.each([
    ['negligible', 0.25],
    ['limited', 0.5],
    ['significant', 0.75],
    ['maximum', 1],
  ] as const)('%s is %s', (identifiable, ei) => {
    const severity = assessSeverity(buildFacts({ data: { categories: ['health'], identifiable } }));
    expect(severity.ei).toBe(ei);
    expect(severity.score).toBe(4 * ei + 0.25);
  });

  it.each([
    [['password_hash'], 'negligible'],
    [['mac_address'], 'limited'],
    [['email'], 'significant'],
    [['name'], 'significant'],
    [['name', 'address'], 'maximum'],
    [['bsn'], 'maximum'],
  ] as Array<[DataCategory[], string]>)('derived from %j: %s', (categories, level) => {
    const severity = assessSeverity(buildFacts({ data: { categories } }));
    expect(severity.ei_level).toBe(level);
    expect(severity.adjustments).toContainEqual(expect.objectContaining({ criterion: 'ei', rule: 'derived_from_categories' }));
  });

  it.each([
    ['encrypted_key_safe', 'negligible'],
    ['hashed_strong', 'significant'],
    ['pseudonymised', 'significant'],
    ['encrypted_key_compromised', 'maximum'],
    ['hashed_weak', 'maximum'],
    ['none', 'maximum'],
  ] as const)('protection %s leaves %s', (protection, level) => {
    const severity = assessSeverity(buildFacts({ data: { categories: ['name'], identifiable: 'maximum', protection } }));
    expect(severity.ei_level).toBe(level);
  });
});

describe('ENISA circumstances of the breach', () => {
  it.each([
    [{ confidentiality: 'none' }, 0],
    [{ confidentiality: 'known_recipients' }, 0.25],
    [{ confidentiality: 'unknown_recipients' }, 0.5],
    [{ confidentiality: 'public' }, 0.5],
    [{ confidentiality: 'none', integrity: 'recoverable' }, 0.25],
    [{ confidentiality: 'none', integrity: 'not_recoverable' }, 0.5],
    [{ confidentiality: 'none', availability: 'temporary' }, 0.25],
    [{ confidentiality: 'none', availability: 'permanent' }, 0.5],
    [{ confidentiality: 'none', malicious: true }, 0.5],
    [{ confidentiality: 'public', integrity: 'not_recoverable', availability: 'permanent', malicious: true }, 2],
  ] as const)('%j adds %s', (breach, cb) => {
    const severity = assessSeverity(buildFacts({ breach, data: { categories: ['name'], identifiable: 'maximum' } }));
    expect(severity.cb).toBe(cb);
    expect(severity.score).toBe(1 + cb);
    expect(severity.adjustments.filter((a) => a.criterion === 'cb').reduce((sum, a) => sum + (a.to - a.from), 0)).toBe(cb);
  });
});

describe('ENISA score', () => {
  it('is SE = DPC × EI + CB, and the same facts give the same result', () => {
    const facts = buildFacts({
      breach: { confidentiality: 'unknown_recipients', availability: 'temporary', malicious: true },
      data: { categories: ['financial_situation'], identifiable: 'significant' },
    });
    const severity = assessSeverity(facts);
    expect(severity.score).toBe(3 * 0.75 + 1.25);
    expect(severity.level).toBe('high');
    expect(JSON.stringify(assessSeverity(facts))).toBe(JSON.stringify(severity));
  });
});
