import { describe, expect, it } from 'vitest';
import { composeLookupMessage, type LookupMessageInput } from './lookup-message.ts';

const base: LookupMessageInput = {
  locale: 'en',
  organisationName: 'Belmij',
  caseReference: 'BD-2026-0001',
  texts: { whatHappened: 'Attackers copied customer records.', whatData: '', whatWeDid: 'We closed the access.', whatToDo: 'Watch out for fake invoices.', phishing: 'We never ask for your password.', contact: '088 123 4567' },
  verifyUrl: 'https://example.nl/incident/belmij/verify?lang=en',
  verificationCode: 'ABCD-EFGH-JKMN-PQRS',
  affected: null,
};

describe('lookup messages', () => {
  it('tell an affected person which of their own data leaked, with advice, reference and verification code', () => {
    const message = composeLookupMessage({ ...base, affected: { name: 'Jan', categories: ['iban', 'birth_date', 'unusual_thing'] } });
    expect(message.subject).toBe('Your data and the incident (BD-2026-0001, Belmij)');
    expect(message.text).toContain('Dear Jan,');
    expect(message.text).toContain('- your bank account number (IBAN)\n- your date of birth\n- unusual thing');
    expect(message.text).toContain('Watch out for fake invoices.');
    expect(message.text).toContain('Verification code: ABCD-EFGH-JKMN-PQRS');
    expect(message.text).toContain('Reference: BD-2026-0001');
    expect(message.text).toContain('https://example.nl/incident/belmij/verify?lang=en');
  });

  it('tell someone not affected only that, in Dutch when asked in Dutch', () => {
    const message = composeLookupMessage({ ...base, locale: 'nl' });
    expect(message.subject).toContain('U bent niet getroffen');
    expect(message.text).toContain('Uw gegevens zitten niet bij de getroffen gegevens.');
    expect(message.text).not.toContain('fake invoices');
    expect(message.text).toContain('Controlecode: ABCD-EFGH-JKMN-PQRS');
  });
});
