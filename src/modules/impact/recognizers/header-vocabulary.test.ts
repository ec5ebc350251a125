import { describe, expect, it } from 'vitest';
import { categoryFromHeader, headerWords } from './header-vocabulary.ts';
import { createRecognizers } from './index.ts';

const recognizers = createRecognizers({ referenceDate: new Date('2026-11-24T00:00:00Z') });

describe('header vocabulary', () => {
  it('splits headers into compact words', () => {
    expect(headerWords('E-mail adres')).toEqual({ compact: 'emailadres', tokens: ['e', 'mail', 'adres'] });
    expect(headerWords('customerID').tokens).toEqual(['customer', 'id']);
    expect(headerWords('Geboortedatum ').compact).toBe('geboortedatum');
  });

  it('reads Dutch and English headers', () => {
    const cases: [string, string | null][] = [
      ['BSN', 'bsn'],
      ['burgerservicenummer', 'bsn'],
      ['Klantnummer', 'customer_id'],
      ['customer_id', 'customer_id'],
      ['IBAN', 'iban'],
      ['Rekeningnummer', 'iban'],
      ['E-mailadres', 'email'],
      ['Telefoonnummer mobiel', 'phone'],
      ['geb_datum', 'birth_date'],
      ['Date of birth', 'birth_date'],
      ['Straatnaam', 'address'],
      ['Achternaam', 'name'],
      ['first_name', 'name'],
      ['Postcode', 'postcode'],
      ['MAC-adres', 'mac_address'],
      ['IP address', 'ip_address'],
      ['Apparaatnaam', 'device_name'],
      ['Opmerkingen', 'free_text_notes'],
      ['BTW-nummer', 'vat_number'],
      ['Paspoortnummer', 'id_document'],
    ];
    for (const [header, expected] of cases) expect(categoryFromHeader(header, recognizers), header).toBe(expected);
  });

  it('does not read short words inside longer ones, nor non-personal names', () => {
    expect(categoryFromHeader('Description', recognizers)).toBe('free_text_notes');
    expect(categoryFromHeader('Ethnicity', recognizers)).toBeNull();
    expect(categoryFromHeader('Bedrijfsnaam', recognizers)).toBeNull();
    expect(categoryFromHeader('Ordernummer', recognizers)).toBeNull();
    expect(categoryFromHeader('Bedrag', recognizers)).toBeNull();
    expect(categoryFromHeader('', recognizers)).toBeNull();
  });
});
