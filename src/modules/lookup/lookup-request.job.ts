import { z } from 'zod';
import { defineJob, enqueueEmail, exponentialBackoff, skipJob } from '../../jobs/index.ts';
import { findAffectedByIdentifier } from '../affected-people/index.ts';
import { decryptValue } from '../keys/index.ts';
import { caseKeysOf } from './case-keys.ts';
import { findPublicIncidentOfCase, findThrottle, recordThrottle } from './incident-page.repository.ts';
import { parseIncidentTexts } from './incident-page.service.ts';
import { composeLookupMessage } from './lookup-message.ts';
import { issueVerificationCode } from './verification-code.ts';

/** One message per identifier per period, whatever the number of lookups. */
export const lookupReplyPeriodMs = 24 * 60 * 60_000;

export const lookupRequestPayload = z.object({
  orgId: z.string(),
  caseId: z.string(),
  kind: z.enum(['email', 'phone']),
  identifierHmac: z.string().regex(/^[0-9a-f]{64}$/),
  /** The normalised identifier, encrypted under the case's data key: the jobs table never holds it in plain. */
  identifierEnc: z.string(),
  locale: z.enum(['nl', 'en']),
});
export type LookupRequestPayload = z.infer<typeof lookupRequestPayload>;

export const lookupRequestJob = defineJob({
  name: 'lookup-request',
  payload: lookupRequestPayload,
  maxAttempts: 5,
  backoff: exponentialBackoff({ baseMs: 10_000, maxMs: 10 * 60_000 }),
  async handle(payload, ctx) {
    const page = await findPublicIncidentOfCase(ctx.db, payload.orgId, payload.caseId);
    if (!page || page.published !== 1) return skipJob('incident page not published');
    // No SMS gateway exists yet; a reply may only go to the number entered, so a phone lookup sends nothing.
    if (payload.kind === 'phone') return skipJob('no SMS channel for replies to phone numbers');

    const now = ctx.clock.now();
    const lastSent = await findThrottle(ctx.db, payload.caseId, payload.identifierHmac);
    if (lastSent && now.getTime() - Date.parse(lastSent) < lookupReplyPeriodMs) return skipJob('already answered in this period');

    const keys = await caseKeysOf(ctx.db, ctx, payload.orgId, payload.caseId);
    const identifier = decryptValue(keys.dataKey, payload.identifierEnc);
    const people = await findAffectedByIdentifier(ctx.db, ctx, { orgId: payload.orgId, caseId: payload.caseId }, [{ kind: payload.kind, value: identifier }]);
    if (people.length === 0 && page.not_affected_reply === 'nothing') return skipJob('not affected; the organisation sends nothing');

    const texts = parseIncidentTexts(page.texts)[payload.locale];
    const categories = [...new Set(people.flatMap((person) => person.categories))];
    // A shared household address reaches several people: greet by name only when the address is one person's.
    const name = people.length === 1 ? people[0]!.contact.name : null;
    const message = composeLookupMessage({
      locale: payload.locale,
      organisationName: page.org_name,
      caseReference: page.case_reference,
      texts,
      verifyUrl: `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}/incident/${encodeURIComponent(page.slug)}/verify${payload.locale === 'en' ? '?lang=en' : ''}`,
      verificationCode: issueVerificationCode(keys.verificationKey),
      affected: people.length > 0 ? { name, categories } : null,
    });
    await ctx.db.transaction().execute(async (tx) => {
      await recordThrottle(tx, payload.caseId, payload.identifierHmac, now.toISOString());
      await enqueueEmail(tx, { to: identifier, subject: message.subject, text: message.text, orgId: payload.orgId }, { now });
    });
  },
});
