import { createHmac, hkdfSync } from 'node:crypto';

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
