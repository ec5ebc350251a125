import type { Channel, ElderlyRoute, OrderableChannel } from './notifications.types.ts';

export interface Reachability {
  hasEmail: boolean;
  hasMobile: boolean;
  hasAddress: boolean;
  vulnerable: readonly string[];
}

function reachable(channel: Channel, person: Reachability): boolean {
  if (channel === 'email') return person.hasEmail;
  if (channel === 'sms' || channel === 'phone') return person.hasMobile;
  return person.hasAddress;
}

/**
 * The channels to try for one person, in order. People over 80 were the target in the insider case, so a
 * campaign may reach them by letter or by a phone call instead; when that route is impossible for someone,
 * the ordinary order applies so that nobody is left out.
 */
export function channelsFor(person: Reachability, order: readonly OrderableChannel[], elderlyRoute: ElderlyRoute): Channel[] {
  if (elderlyRoute !== 'same' && person.vulnerable.includes('aged_80_plus') && reachable(elderlyRoute, person)) return [elderlyRoute];
  return order.filter((channel) => reachable(channel, person));
}

/** The channel after `current`, or null when none is left. */
export function nextChannel(person: Reachability, order: readonly OrderableChannel[], elderlyRoute: ElderlyRoute, current: Channel): Channel | null {
  const sequence = channelsFor(person, order, elderlyRoute);
  const index = sequence.indexOf(current);
  return index >= 0 ? (sequence[index + 1] ?? null) : null;
}

/** A deterministic Message-ID: a resend carries the same one, so a mail server's log settles an "unknown". */
export function messageIdFor(campaignId: string, personId: string, channel: Channel, domain: string): string {
  return `<${campaignId}.${personId}.${channel}@${domain}>`;
}

export interface WarmUpStep {
  /** From this many minutes after the start of the campaign... */
  afterMinutes: number;
  /** ...at most this many messages per second, per sending process. */
  perSecond: number;
}

/** The default ramp for a new sending domain: mailbox providers throttle or block a sudden wave. */
export const defaultWarmUp: readonly WarmUpStep[] = [
  { afterMinutes: 0, perSecond: 50 },
  { afterMinutes: 15, perSecond: 200 },
  { afterMinutes: 60, perSecond: 1000 },
  { afterMinutes: 180, perSecond: 5000 },
];

/** The rate allowed at `elapsedMs` after the start; the last step that has begun wins. */
export function warmUpRate(schedule: readonly WarmUpStep[], elapsedMs: number): number {
  let rate = schedule[0]?.perSecond ?? Number.POSITIVE_INFINITY;
  for (const step of schedule) if (elapsedMs >= step.afterMinutes * 60_000) rate = step.perSecond;
  return rate;
}

/** Delay before retrying a deferred (4xx) message: 1 min, 2, 4, ... capped at one hour. */
export function deferralDelayMs(attempt: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempt - 1));
}

export type SendOutcome =
  | { kind: 'accepted'; response: string }
  | { kind: 'deferred'; response: string }
  | { kind: 'bounced'; response: string }
  | { kind: 'unknown'; response: string };

/**
 * Sorts an SMTP failure: 5xx permanent, 4xx temporary, and a failure after the message data went out with no
 * reply is unknown (the message may have been delivered: never resent blindly).
 */
export function classifySmtpError(error: unknown): SendOutcome {
  const e = error as { responseCode?: number; response?: string; command?: string; code?: string; message?: string };
  const response = String(e.response ?? e.message ?? 'error').slice(0, 300);
  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 500) return { kind: 'bounced', response };
    if (e.responseCode >= 400) return { kind: 'deferred', response };
  }
  if (e.command === 'DATA' || e.command === 'DATA end' || e.code === 'ETIMEDOUT') return { kind: 'unknown', response };
  return { kind: 'deferred', response };
}
