import { streetAddressRecognizer } from './address.recognizer.ts';
import { createBirthDateRecognizer, type BirthDateOptions } from './birth-date.recognizer.ts';
import { bsnRecognizer } from './bsn.recognizer.ts';
import { customerIdRecognizer } from './customer-id.recognizer.ts';
import { deviceNameRecognizer } from './device-name.recognizer.ts';
import { emailRecognizer } from './email.recognizer.ts';
import { freeTextNotesRecognizer } from './free-text-notes.recognizer.ts';
import { ibanRecognizer } from './iban.recognizer.ts';
import { idDocumentRecognizer } from './id-document.recognizer.ts';
import { ipAddressRecognizer } from './ip-address.recognizer.ts';
import { macAddressRecognizer } from './mac-address.recognizer.ts';
import { personNameRecognizer } from './name.recognizer.ts';
import { paymentCardRecognizer } from './payment-card.recognizer.ts';
import { phoneRecognizer } from './phone.recognizer.ts';
import { postcodeRecognizer } from './postcode.recognizer.ts';
import type { Recognizer } from './recognizer.ts';
import { vatNumberRecognizer } from './vat-number.recognizer.ts';

export * from './recognizer.ts';
export * from './mask.ts';
export * from './address.recognizer.ts';
export * from './birth-date.recognizer.ts';
export * from './bsn.recognizer.ts';
export * from './customer-id.recognizer.ts';
export * from './device-name.recognizer.ts';
export * from './email.recognizer.ts';
export * from './free-text-notes.recognizer.ts';
export * from './iban.recognizer.ts';
export * from './id-document.recognizer.ts';
export * from './ip-address.recognizer.ts';
export * from './mac-address.recognizer.ts';
export * from './name.recognizer.ts';
export * from './payment-card.recognizer.ts';
export * from './phone.recognizer.ts';
export * from './postcode.recognizer.ts';
export * from './vat-number.recognizer.ts';

/**
 * Every recognizer, most specific first: when two fit a column equally well, the earlier one wins
 * (an e-mail column also fits "free text", a VAT number also fits "customer number").
 */
export function createRecognizers(options: BirthDateOptions): Recognizer[] {
  return [
    emailRecognizer,
    ibanRecognizer,
    vatNumberRecognizer,
    idDocumentRecognizer,
    macAddressRecognizer,
    ipAddressRecognizer,
    postcodeRecognizer,
    phoneRecognizer,
    paymentCardRecognizer,
    bsnRecognizer,
    deviceNameRecognizer,
    createBirthDateRecognizer(options),
    streetAddressRecognizer,
    personNameRecognizer,
    customerIdRecognizer,
    freeTextNotesRecognizer,
  ];
}
export * from './header-vocabulary.ts';
