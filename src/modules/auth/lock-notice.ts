import { freeFailures, type ThrottleState } from './login-throttle.ts';

/**
 * True when this failure is the one that first locks the account in the current series. Only then is the
 * owner told, so that an attacker hammering the account does not also flood its mailbox.
 */
export function startsAccountLock(state: ThrottleState): boolean {
  return state.lockedUntil !== null && state.failures === freeFailures.email;
}

export interface LockNoticeInput {
  displayName: string;
  lockedUntil: string;
  locale: 'nl' | 'en';
  publicUrl: string;
}

/** The notice to an account's owner; it names no address or IP, only what happened and what to do. */
export function lockNoticeMail(input: LockNoticeInput): { subject: string; text: string } {
  const until = new Date(input.lockedUntil).toISOString().replace('T', ' ').slice(0, 16);
  if (input.locale === 'nl') {
    return {
      subject: 'Breachdesk: je account is tijdelijk geblokkeerd',
      text: [
        `Beste ${input.displayName},`,
        '',
        `Er is ${freeFailures.email} keer achter elkaar geprobeerd om met een verkeerd wachtwoord of een verkeerde code op je account aan te melden. Daarom kan er tot ${until} UTC niet worden aangemeld; na nieuwe mislukte pogingen duurt de blokkade steeds langer.`,
        '',
        `Was jij dit niet? Meld het dan bij je beheerder en kies een nieuw wachtwoord via ${input.publicUrl}.`,
      ].join('\n'),
    };
  }
  return {
    subject: 'Breachdesk: your account is temporarily locked',
    text: [
      `Dear ${input.displayName},`,
      '',
      `Someone tried ${freeFailures.email} times in a row to sign in to your account with a wrong password or code. Sign-in is blocked until ${until} UTC; further failures make the block longer each time.`,
      '',
      `Was this not you? Tell your administrator and choose a new password at ${input.publicUrl}.`,
    ].join('\n'),
  };
}
