import { describe, expect, it } from 'vitest';
import { obligationLabels } from './clocks.labels.ts';
import { obligationIdSchema } from './clocks.schemas.ts';
import { obligationRules } from './obligation-rules.ts';

describe('obligationLabels', () => {
  it.each(obligationIdSchema.options)('%s names the same number of hours in Dutch and English as its rule', (id) => {
    const period = obligationRules[id].period;
    if (!('hours' in period) || id === 'telecom_complete') return;
    expect(obligationLabels[id].nl.summary).toContain(`${period.hours} uur`);
    expect(obligationLabels[id].en.summary).toContain(`${period.hours} hours`);
  });

  it('says "3 days" for the complete telecom notification, which the rule counts as 72 hours', () => {
    expect(obligationRules.telecom_complete.period).toEqual({ hours: 72 });
    expect(obligationLabels.telecom_complete.nl.summary).toContain('3 dagen');
    expect(obligationLabels.telecom_complete.en.summary).toContain('3 days');
  });
});
