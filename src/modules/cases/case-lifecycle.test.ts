import { describe, expect, it } from 'vitest';
import { allowedTransitions, caseLifecycleStates, checkTransition } from './case-lifecycle.ts';

describe('case lifecycle', () => {
  const expected: Record<string, string[]> = {
    reported: ['triage', 'closed'],
    triage: ['investigating', 'closed'],
    investigating: ['contained', 'closed'],
    contained: ['investigating', 'decided', 'closed'],
    decided: ['investigating', 'notifying', 'closed'],
    notifying: ['closed'],
    closed: ['investigating'],
  };

  it.each(Object.entries(expected))('from %s allows exactly %j', (from, to) => {
    expect(allowedTransitions(from)).toEqual(to);
  });

  it('knows nothing of unknown states', () => {
    expect(allowedTransitions('assessing')).toEqual([]);
    expect(checkTransition('triage', 'assessing', null)).toEqual({ ok: false, problem: 'not_allowed', allowed: ['investigating', 'closed'] });
  });

  it('refuses every pair that the table does not list', () => {
    for (const from of caseLifecycleStates) {
      for (const to of caseLifecycleStates) {
        const check = checkTransition(from, to, 'a reason');
        expect(check.ok, `${from} -> ${to}`).toBe(expected[from]!.includes(to));
      }
    }
  });

  it.each([
    ['closed', 'investigating', true],
    ['triage', 'closed', true],
    ['investigating', 'closed', true],
    ['contained', 'closed', true],
    ['decided', 'closed', false],
    ['notifying', 'closed', false],
    ['triage', 'investigating', false],
  ] as const)('%s -> %s needs a reason: %s', (from, to, needed) => {
    const without = checkTransition(from, to, '  ');
    expect(without.ok).toBe(!needed);
    if (!without.ok) expect(without).toEqual({ ok: false, problem: 'reason_required' });
    expect(checkTransition(from, to, 'Found to be a false alarm')).toEqual({ ok: true, reasonRequired: needed });
  });
});
