import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../register/index.ts';
import type { PostalAddress } from './postal-address.ts';
import type { Language } from './notifications.types.ts';

export interface MailHouseLetter {
  reference: string;
  name: string;
  address: PostalAddress;
  language: Language;
}

/** Three street lines cover Dutch practice (street, extra line such as "t.a.v." or a building); more are joined into the third. */
const streetColumns = 3;

export const lettersCsvHeader = ['reference', 'name', 'address_line_1', 'address_line_2', 'address_line_3', 'postcode', 'city', 'country', 'language'] as const;

/** One row per letter for a mail house, in the order of the PDF batch; RFC 4180 with CRLF and a BOM. */
export function lettersToCsv(letters: readonly MailHouseLetter[]): string {
  const rows = letters.map((letter) => {
    const lines = letter.address.lines.slice(0, streetColumns - 1);
    const rest = letter.address.lines.slice(streetColumns - 1).join(', ');
    const street = [...lines, rest, '', ''].slice(0, streetColumns);
    return [letter.reference, letter.name, ...street, letter.address.postcode, letter.address.city, letter.address.country, letter.language].map(neutraliseFormula);
  });
  return stringify([[...lettersCsvHeader], ...rows], { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
