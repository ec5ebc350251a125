import type { AppContext } from '../../app-context.ts';
import { customerPostcodeIdentifier, identifierHmac } from '../affected-people/index.ts';
import { normaliseEmail } from '../impact/recognizers/email.recognizer.ts';
import { normalisePhone } from '../impact/recognizers/phone.recognizer.ts';
import { encryptValue } from '../keys/index.ts';
import { caseKeysOf } from './case-keys.ts';
import { findIncidentPageBySlug, type PublicIncidentRow } from './incident-page.repository.ts';
import { createLookupRequestQueue, defaultLookupQueueOptions, type LookupQueueOptions, type LookupRequestQueue } from './lookup-request-queue.ts';
import type { LookupLocale } from './lookup-texts.ts';
import { createRequestLimiter, type RequestLimit } from './request-limiter.ts';
import { isGenuineVerificationCode } from './verification-code.ts';

export interface LookupLimits {
  perAddress: RequestLimit;
  perIdentifier: RequestLimit;
}

/** Per client address and per identifier, both checked before anything is looked up or queued. */
export const defaultLookupLimits: LookupLimits = {
  perAddress: { max: 20, windowMs: 10 * 60_000 },
  perIdentifier: { max: 3, windowMs: 60 * 60_000 },
};

/** What happened to a lookup: never shown to the person, who always gets the same answer. */
export type LookupOutcome = 'queued' | 'invalid' | 'address_limited' | 'identifier_limited' | 'queue_full';

export type Identifier = { kind: 'email' | 'phone' | 'customer_postcode'; value: string };

export interface LookupInput {
  identifier: string;
  customerNumber?: string;
  postcode?: string;
}

export interface LookupChannels {
  /** Phone numbers are accepted only when an SMS gateway can carry the answer. */
  phone: boolean;
  /** Customer number with postcode, when the organisation enabled it on the page. */
  customerNumber: boolean;
}

/**
 * A customer number with postcode when both are filled in and allowed; else an e-mail address if the input
 * has an @, else a phone number when allowed; null when it is none of these.
 */
export function normaliseIdentifier(input: LookupInput, channels: LookupChannels = { phone: true, customerNumber: false }): Identifier | null {
  if (channels.customerNumber && (input.customerNumber ?? '').trim() !== '') {
    const value = customerPostcodeIdentifier(input.customerNumber, input.postcode);
    return value ? { kind: 'customer_postcode', value } : null;
  }
  const trimmed = input.identifier.trim();
  if (trimmed === '' || trimmed.length > 300) return null;
  if (trimmed.includes('@')) {
    const email = normaliseEmail(trimmed);
    return email ? { kind: 'email', value: email } : null;
  }
  if (!channels.phone) return null;
  const phone = normalisePhone(trimmed);
  return phone ? { kind: 'phone', value: phone } : null;
}

// A page changes rarely and is read on every request of a rush: a few seconds of staleness spare the database.
const pageCacheMs = 5_000;

export interface LookupDesk {
  findPublishedPage(slug: string): Promise<PublicIncidentRow | null>;
  acceptLookup(page: PublicIncidentRow, input: LookupInput & { locale: LookupLocale; clientAddress: string }): Promise<LookupOutcome>;
  verifyCode(page: PublicIncidentRow, code: string): Promise<boolean>;
  /** What the page offers: phone lookups need an SMS gateway, customer numbers the organisation's consent. */
  channelsOf(page: PublicIncidentRow): LookupChannels;
  queue: LookupRequestQueue;
}

export interface LookupDeskOptions {
  limits?: LookupLimits;
  queue?: LookupQueueOptions;
}

/**
 * The request side of "am I affected?": rate limits in memory, the identifier's keyed hash, and a place in
 * the in-memory queue. Nothing here reads the lookup index or writes to the database (the page and the case
 * keys come from short caches), so an affected and an unaffected input cost exactly the same.
 */
export function createLookupDesk(ctx: AppContext, options: LookupDeskOptions = {}): LookupDesk {
  const limits = options.limits ?? defaultLookupLimits;
  const queue = createLookupRequestQueue(ctx, options.queue ?? defaultLookupQueueOptions);
  const smsAvailable = ctx.config.SMS_GATEWAY_URL !== '';
  const channelsOf = (page: PublicIncidentRow): LookupChannels => ({ phone: smsAvailable, customerNumber: page.allow_customer_lookup === 1 });
  const addressLimiter = createRequestLimiter(limits.perAddress);
  const identifierLimiter = createRequestLimiter(limits.perIdentifier);
  const pages = new Map<string, { row: PublicIncidentRow | null; until: number }>();

  return {
    async findPublishedPage(slug) {
      const now = Date.now();
      const cached = pages.get(slug);
      if (cached && cached.until > now) return cached.row;
      const row = (await findIncidentPageBySlug(ctx.db, slug)) ?? null;
      const published = row && row.published === 1 ? row : null;
      if (pages.size > 10_000) pages.clear();
      pages.set(slug, { row: published, until: now + pageCacheMs });
      return published;
    },

    async acceptLookup(page, input) {
      const now = ctx.clock.now();
      if (!addressLimiter.allow(`${page.case_id}:${input.clientAddress}`, now.getTime())) return 'address_limited';
      const identifier = normaliseIdentifier(input, channelsOf(page));
      if (!identifier) return 'invalid';
      const keys = await caseKeysOf(ctx.db, ctx, page.org_id, page.case_id);
      const hmac = identifierHmac(keys.lookupKey, identifier.kind, identifier.value);
      if (!identifierLimiter.allow(`${page.case_id}:${hmac}`, now.getTime())) return 'identifier_limited';
      // The lookup itself runs in the job, after the answer: the answer cannot depend on its result.
      const accepted = queue.offer({
        orgId: page.org_id,
        caseId: page.case_id,
        kind: identifier.kind,
        identifierHmac: hmac,
        identifierEnc: encryptValue(keys.dataKey, identifier.value),
        locale: input.locale,
      });
      return accepted ? 'queued' : 'queue_full';
    },

    channelsOf,
    queue,

    async verifyCode(page, code) {
      const keys = await caseKeysOf(ctx.db, ctx, page.org_id, page.case_id);
      return isGenuineVerificationCode(keys.verificationKey, code);
    },
  };
}
