import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { defineJob, enqueueEmail, exponentialBackoff, skipJob } from '../../jobs/index.ts';
import { findAffectedByIdentifier, type AffectedPerson } from '../affected-people/index.ts';
import { decryptValue } from '../keys/index.ts';
import { createHttpSmsGateway, type SmsGateway } from '../notifications/index.ts';
import { caseKeysOf } from './case-keys.ts';
import { clearThrottle, findPublicIncidentOfCase, findThrottle, recordThrottle } from './incident-page.repository.ts';
import { parseIncidentTexts } from './incident-page.service.ts';
import { composeLookupMessage, composeLookupSms } from './lookup-message.ts';
import { issueVerificationCode } from './verification-code.ts';

/** One message per identifier per period, whatever the number of lookups. */
export const lookupReplyPeriodMs = 24 * 60 * 60_000;

export const lookupRequestPayload = z.object({
  orgId: z.string(),
  caseId: z.string(),
  kind: z.enum(['email', 'phone', 'customer_postcode']),
  identifierHmac: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * The normalised identifier, encrypted under the case's data key: the jobs table never holds it in plain.
   * For a customer number it is `NUMBER|POSTCODE`, never an address to write to.
   */
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
    const sms = smsGatewayOf(ctx);
    if (payload.kind === 'phone' && !sms) return skipJob('no SMS gateway for replies to phone numbers');
    if (payload.kind === 'customer_postcode' && page.allow_customer_lookup !== 1) return skipJob('customer-number lookups are off');

    const now = ctx.clock.now();
    const lastSent = await findThrottle(ctx.db, payload.caseId, payload.identifierHmac);
    if (lastSent && now.getTime() - Date.parse(lastSent) < lookupReplyPeriodMs) return skipJob('already answered in this period');

    const keys = await caseKeysOf(ctx.db, ctx, payload.orgId, payload.caseId);
    const identifier = decryptValue(keys.dataKey, payload.identifierEnc);
    const people = await findAffectedByIdentifier(ctx.db, ctx, { orgId: payload.orgId, caseId: payload.caseId }, [{ kind: payload.kind, value: identifier }]);
    if (people.length === 0 && page.not_affected_reply === 'nothing') return skipJob('not affected; the organisation sends nothing');

    // A reply goes only to the address or number entered; a customer number is answered only at the
    // contact details the organisation already held, and not at all when it matches nobody.
    const recipient = payload.kind === 'customer_postcode' ? contactOnFile(people, sms !== null) : { kind: payload.kind, to: identifier };
    if (!recipient) return skipJob(people.length === 0 ? 'customer number matches nobody' : 'no contact details on file to answer at');

    const texts = parseIncidentTexts(page.texts)[payload.locale];
    const categories = [...new Set(people.flatMap((person) => person.categories))];
    // A shared household address reaches several people: greet by name only when the address is one person's.
    const name = people.length === 1 ? people[0]!.contact.name : null;
    const content = {
      locale: payload.locale,
      organisationName: page.org_name,
      caseReference: page.case_reference,
      verifyUrl: `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}/incident/${encodeURIComponent(page.slug)}/verify${payload.locale === 'en' ? '?lang=en' : ''}`,
      verificationCode: issueVerificationCode(keys.verificationKey),
      affected: people.length > 0 ? { name, categories } : null,
    };
    if (recipient.kind === 'phone') {
      // Sent here rather than through the outbox: a lookup reply belongs to no campaign. The throttle is
      // written first, so that a retry after an unknown outcome never sends twice.
      await recordThrottle(ctx.db, payload.caseId, payload.identifierHmac, now.toISOString());
      const outcome = await sms!.send({ to: recipient.to, text: composeLookupSms(content), reference: `lookup-${ctx.job.id}` });
      if (outcome.kind === 'deferred') {
        await clearThrottle(ctx.db, payload.caseId, payload.identifierHmac);
        throw new Error(`SMS gateway deferred: ${outcome.response}`);
      }
      if (outcome.kind !== 'accepted') return skipJob(`SMS not accepted: ${outcome.kind}`);
      return;
    }
    const message = composeLookupMessage({ ...content, texts });
    await ctx.db.transaction().execute(async (tx) => {
      await recordThrottle(tx, payload.caseId, payload.identifierHmac, now.toISOString());
      await enqueueEmail(tx, { to: recipient.to, subject: message.subject, text: message.text, orgId: payload.orgId }, { now });
    });
  },
});

function smsGatewayOf(ctx: AppContext): SmsGateway | null {
  if (!ctx.config.SMS_GATEWAY_URL) return null;
  return createHttpSmsGateway({ url: ctx.config.SMS_GATEWAY_URL, token: ctx.config.SMS_GATEWAY_TOKEN || undefined });
}

/** The e-mail address the organisation holds for the customer, else the mobile number when SMS can be sent. */
function contactOnFile(people: AffectedPerson[], smsAvailable: boolean): { kind: 'email' | 'phone'; to: string } | null {
  const email = people.find((person) => person.contact.email)?.contact.email;
  if (email) return { kind: 'email', to: email };
  const mobile = people.find((person) => person.contact.mobile)?.contact.mobile;
  return mobile && smsAvailable ? { kind: 'phone', to: mobile } : null;
}
