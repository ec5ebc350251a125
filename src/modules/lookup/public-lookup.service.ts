import type { AppContext } from '../../app-context.ts';
import { enqueueJob } from '../../jobs/index.ts';
import { identifierHmac } from '../affected-people/index.ts';
import { normaliseEmail } from '../impact/recognizers/email.recognizer.ts';
import { normalisePhone } from '../impact/recognizers/phone.recognizer.ts';
import { encryptValue } from '../keys/index.ts';
import { caseKeysOf } from './case-keys.ts';
import { findIncidentPageBySlug, type PublicIncidentRow } from './incident-page.repository.ts';
import { lookupRequestJob } from './lookup-request.job.ts';
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
export type LookupOutcome = 'queued' | 'invalid' | 'address_limited' | 'identifier_limited';

export type Identifier = { kind: 'email' | 'phone'; value: string };

/** An e-mail address if it has an @, else a phone number; null when it is neither. */
export function normaliseIdentifier(input: string): Identifier | null {
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.length > 300) return null;
  if (trimmed.includes('@')) {
    const email = normaliseEmail(trimmed);
    return email ? { kind: 'email', value: email } : null;
  }
  const phone = normalisePhone(trimmed);
  return phone ? { kind: 'phone', value: phone } : null;
}

// A page changes rarely and is read on every request of a rush: a few seconds of staleness spare the database.
const pageCacheMs = 5_000;

export interface LookupDesk {
  findPublishedPage(slug: string): Promise<PublicIncidentRow | null>;
  acceptLookup(page: PublicIncidentRow, input: { identifier: string; locale: LookupLocale; clientAddress: string }): Promise<LookupOutcome>;
  verifyCode(page: PublicIncidentRow, code: string): Promise<boolean>;
}

export function createLookupDesk(ctx: AppContext, limits: LookupLimits = defaultLookupLimits): LookupDesk {
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
      const identifier = normaliseIdentifier(input.identifier);
      if (!identifier) return 'invalid';
      const keys = await caseKeysOf(ctx.db, ctx, page.org_id, page.case_id);
      const hmac = identifierHmac(keys.lookupKey, identifier.kind, identifier.value);
      if (!identifierLimiter.allow(`${page.case_id}:${hmac}`, now.getTime())) return 'identifier_limited';
      // The lookup itself runs in the job, after the answer: the answer cannot depend on its result.
      await enqueueJob(
        ctx.db,
        lookupRequestJob,
        { orgId: page.org_id, caseId: page.case_id, kind: identifier.kind, identifierHmac: hmac, identifierEnc: encryptValue(keys.dataKey, identifier.value), locale: input.locale },
        { now },
      );
      return 'queued';
    },

    async verifyCode(page, code) {
      const keys = await caseKeysOf(ctx.db, ctx, page.org_id, page.case_id);
      return isGenuineVerificationCode(keys.verificationKey, code);
    },
  };
}
