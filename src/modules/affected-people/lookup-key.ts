import { createHmac, hkdfSync } from 'node:crypto';
import { normaliseCustomerId } from '../impact/recognizers/customer-id.recognizer.ts';
import { normalisePostcode } from '../impact/recognizers/postcode.recognizer.ts';

export type IdentifierKind = 'email' | 'phone' | 'customer_postcode';

/**
 * The lookup key of a case is derived from its data key, so it exists only as long as the case's data
 * does: purging the data key also makes the lookup index meaningless.
 */
export function deriveLookupKey(dataKey: Buffer, caseId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(caseId, 'utf8'), Buffer.from('breachdesk lookup index v1', 'utf8'), 32));
}

/** A keyed hash of a normalised identifier: without the key, guessing phone numbers gets nowhere. */
export function identifierHmac(lookupKey: Buffer, kind: IdentifierKind, normalisedValue: string): string {
  return createHmac('sha256', lookupKey).update(`${kind}:${normalisedValue}`).digest('hex');
}

/**
 * A customer number and postcode, normalised and joined, as one identifier: neither alone finds anyone,
 * since customer numbers are often short and sequential. Null when either is missing or malformed.
 */
export function customerPostcodeIdentifier(customerNumber: string | null | undefined, postcode: string | null | undefined): string | null {
  if (!customerNumber || !postcode) return null;
  const number = normaliseCustomerId(customerNumber);
  const code = normalisePostcode(postcode);
  return number && code ? `${number}|${code}` : null;
}
