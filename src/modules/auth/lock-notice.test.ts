import { describe, expect, it } from 'vitest';
import { lockNoticeMail, startsAccountLock } from './lock-notice.ts';
import { recordFailure } from './login-throttle.ts';

describe('lock-out notice', () => {
  it('is due on the failure that first locks the account, not before and not after', () => {
    const now = new Date('2026-01-01T10:00:00Z');
    let state = recordFailure('email', 'k', undefined, now);
    const due: boolean[] = [startsAccountLock(state)];
    for (let i = 0; i < 6; i += 1) {
      state = recordFailure('email', 'k', state, now);
      due.push(startsAccountLock(state));
    }
    expect(due).toEqual([false, false, false, false, true, false, false]);
  });

  it('says until when, in the account’s language', () => {
    const mail = lockNoticeMail({ displayName: 'Ada', lockedUntil: '2026-01-01T10:01:00.000Z', locale: 'nl', publicUrl: 'https://bd.example' });
    expect(mail.subject).toContain('geblokkeerd');
    expect(mail.text).toContain('2026-01-01 10:01 UTC');
    expect(lockNoticeMail({ displayName: 'Ada', lockedUntil: '2026-01-01T10:01:00.000Z', locale: 'en', publicUrl: 'https://bd.example' }).subject).toContain('locked');
  });
});
