import { describe, expect, it } from 'vitest';
import { assessBreach } from './assess-breach.ts';
import { caseFactsSchema, type CaseFactsInput } from './case-facts.schemas.ts';

/**
 * The worked examples of EDPB Guidelines 01/2021 (version 2.0), each encoded as case facts from the
 * guideline's description, with the EDPB's own conclusion on notifying the authority and the people.
 */
interface Example {
  no: number;
  summary: string;
  facts: CaseFactsInput;
  authority: boolean;
  subjects: boolean;
}

const examples: Example[] = [
  {
    no: 1,
    summary: 'Ransomware, proper backup, no exfiltration; restored within hours',
    facts: {
      sector: 'other',
      breach: { confidentiality: 'none', availability: 'temporary', malicious: true, cause: 'ransomware' },
      data: { categories: ['name', 'address', 'email', 'phone', 'iban'], subjects: { min: 20, max: 60 }, backup_available: true },
    },
    authority: false,
    subjects: false,
  },
  {
    no: 2,
    summary: 'Ransomware without backup; rebuilt from paper over five days',
    facts: {
      sector: 'other',
      breach: { confidentiality: 'none', availability: 'temporary', malicious: true, cause: 'ransomware' },
      data: { categories: ['name', 'address', 'email', 'phone', 'iban'], subjects: { min: 50, max: 300 } },
    },
    authority: true,
    subjects: false,
  },
  {
    no: 3,
    summary: 'Ransomware at a hospital, backup, no exfiltration; care delayed for two days',
    facts: {
      sector: 'health',
      controller_traits: ['hospital'],
      breach: { confidentiality: 'none', availability: 'temporary', malicious: true, cause: 'ransomware' },
      data: { categories: ['name', 'address', 'birth_date', 'health'], subjects: { min: 1000, max: 50000 }, vulnerable: ['patients'], backup_available: true },
    },
    authority: true,
    subjects: true,
  },
  {
    no: 4,
    summary: 'Ransomware with exfiltration and no usable backup; ID and card numbers',
    facts: {
      sector: 'public',
      breach: { confidentiality: 'unknown_recipients', availability: 'permanent', malicious: true, cause: 'ransomware' },
      data: { categories: ['name', 'address', 'email', 'id_document', 'payment_card'], subjects: { min: 1000, max: 10000 } },
    },
    authority: true,
    subjects: true,
  },
  {
    no: 5,
    summary: 'Job applications exfiltrated from a recruitment website form',
    facts: {
      sector: 'other',
      breach: { confidentiality: 'unknown_recipients', malicious: true, cause: 'malware' },
      data: { categories: ['name', 'address', 'email', 'phone', 'birth_date', 'education_employment'], subjects: { min: 213, max: 213 }, backup_available: true },
    },
    authority: true,
    subjects: true,
  },
  {
    no: 6,
    summary: 'SQL injection; usernames and strongly salted password hashes',
    facts: {
      sector: 'other',
      breach: { confidentiality: 'unknown_recipients', malicious: true, cause: 'hack' },
      data: { categories: ['login_credentials', 'password_hash', 'email'], subjects: { min: 1200, max: 1200 }, protection: 'hashed_strong', backup_available: true },
    },
    authority: false,
    subjects: false,
  },
  {
    no: 7,
    summary: 'Credential stuffing on a bank website; account data seen',
    facts: {
      sector: 'finance',
      controller_traits: ['bank'],
      breach: { confidentiality: 'unknown_recipients', malicious: true, cause: 'hack' },
      data: { categories: ['name', 'iban', 'financial_situation', 'login_credentials'], subjects: { min: 50, max: 2000 }, backup_available: true },
    },
    authority: true,
    subjects: true,
  },
  {
    no: 8,
    summary: 'Departing employee copies customer contact data for a competitor',
    facts: {
      sector: 'other',
      breach: { confidentiality: 'known_recipients', malicious: true, cause: 'insider' },
      data: { categories: ['name', 'address', 'email', 'phone'], subjects: { min: 100, max: 1000 }, backup_available: true },
    },
    authority: true,
    subjects: false,
  },
  {
    no: 9,
    summary: 'Trusted insurance agent sees other customers’ data by mistake and deletes it',
    facts: {
      sector: 'finance',
      breach: { confidentiality: 'known_recipients', malicious: false, cause: 'misdirected' },
      data: { categories: ['name', 'address', 'contract_details'], subjects: { min: 2, max: 3 }, backup_available: true },
      measures: { recipient_trusted_and_deleted: true },
    },
    authority: false,
    subjects: false,
  },
  {
    no: 10,
    summary: 'Day-care tablets stolen; strong encryption, key safe, backup, remote wipe',
    facts: {
      sector: 'education',
      breach: { confidentiality: 'unknown_recipients', malicious: true, cause: 'stolen_device' },
      data: { categories: ['name', 'birth_date', 'children_data'], subjects: { min: 20, max: 100 }, protection: 'encrypted_key_safe', backup_available: true },
    },
    authority: false,
    subjects: false,
  },
  {
    no: 11,
    summary: 'Unencrypted notebook stolen; names, sex, addresses, birth dates of 100,000+ customers',
    facts: {
      sector: 'other',
      breach: { confidentiality: 'unknown_recipients', malicious: true, cause: 'stolen_device' },
      data: { categories: ['name', 'gender', 'address', 'birth_date'], subjects: { min: 100000, max: 120000 }, backup_available: true },
    },
    authority: true,
    subjects: true,
  },
  {
    no: 12,
    summary: 'Paper logbook of a drug rehabilitation centre stolen',
    facts: {
      sector: 'health',
      controller_traits: ['addiction_care'],
      breach: { confidentiality: 'unknown_recipients', availability: 'permanent', malicious: true, cause: 'stolen_device' },
      data: { categories: ['name', 'health'], subjects: { min: 30, max: 100 }, vulnerable: ['patients'] },
    },
    authority: true,
    subjects: true,
  },
  {
    no: 13,
    summary: 'Two shoe orders’ invoices swapped in the post',
    facts: {
      sector: 'retail',
      breach: { confidentiality: 'known_recipients', malicious: false, cause: 'misdirected' },
      data: { categories: ['name', 'address', 'contract_details'], subjects: { min: 2, max: 2 }, backup_available: true },
    },
    authority: false,
    subjects: false,
  },
  {
    no: 14,
    summary: 'Job seekers’ social security numbers attached to a mass e-mail',
    facts: {
      sector: 'public',
      breach: { confidentiality: 'known_recipients', malicious: false, cause: 'misdirected' },
      data: { categories: ['name', 'email', 'address', 'bsn'], subjects: { min: 60000, max: 60000 }, backup_available: true },
    },
    authority: true,
    subjects: true,
  },
  {
    no: 15,
    summary: 'Course list with food preferences (two lactose intolerant) sent to 15 former participants',
    facts: {
      sector: 'education',
      breach: { confidentiality: 'known_recipients', malicious: false, cause: 'misdirected' },
      data: { categories: ['name', 'email', 'health'], subjects: { min: 15, max: 15 }, insight: 'none', backup_available: true },
    },
    authority: false,
    subjects: false,
  },
  {
    no: 16,
    summary: 'Two car-insurance premium letters in one envelope',
    facts: {
      sector: 'finance',
      breach: { confidentiality: 'known_recipients', malicious: false, cause: 'misdirected' },
      data: { categories: ['name', 'address', 'birth_date', 'vehicle_registration', 'contract_details'], subjects: { min: 1, max: 1 }, backup_available: true },
    },
    authority: false,
    subjects: false,
  },
  {
    no: 17,
    summary: 'Impostor has a telecom customer’s e-mail changed and receives the invoices',
    facts: {
      sector: 'telecom',
      breach: { confidentiality: 'unknown_recipients', integrity: 'recoverable', malicious: true, cause: 'social_engineering' },
      data: { categories: ['name', 'address', 'email', 'phone', 'traffic_data'], subjects: { min: 1, max: 1 }, backup_available: true },
    },
    authority: true,
    subjects: true,
  },
  {
    no: 18,
    summary: 'Mailbox rules forward invoices and bank details to an attacker; supplier IBAN altered',
    facts: {
      sector: 'retail',
      breach: { confidentiality: 'unknown_recipients', integrity: 'recoverable', malicious: true, cause: 'social_engineering' },
      data: { categories: ['name', 'email', 'iban', 'financial_situation'], subjects: { min: 99, max: 99 }, backup_available: true },
    },
    authority: true,
    subjects: true,
  },
];

describe('EDPB Guidelines 01/2021 worked examples', () => {
  it.each(examples)('case $no: $summary', ({ facts, authority, subjects }) => {
    const decision = assessBreach(caseFactsSchema.parse(facts));
    expect({ authority: decision.notify_authority, subjects: decision.notify_subjects }).toEqual({ authority, subjects });
  });

  it('covers all 18 examples', () => {
    expect(examples.map((example) => example.no)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
  });
});
