import { describe, expect, it } from 'vitest';
import { reminderMail } from './deadline-reminder.job.ts';

describe('deadline reminder mail', () => {
  const input = { reference: 'BD-2026-0007', title: 'Routers', obligation: 'telecom_initial' as const, dueAt: '2026-03-29T09:30:00.000Z', hoursBefore: 1, timeZone: 'Europe/Amsterdam' };

  it('speaks the owner’s language and shows the deadline in the organisation’s local time', () => {
    const nl = reminderMail('nl', input);
    expect(nl.subject).toBe('[BD-2026-0007] Nog 1 uur: Eerste melding telecomaanbieder');
    expect(nl.text).toContain('11:30');
    const en = reminderMail('en', { ...input, hoursBefore: 24 });
    expect(en.subject).toBe('[BD-2026-0007] 24 hours left: Initial telecom notification');
    expect(en.text).toContain('11:30 CEST');
  });
});
