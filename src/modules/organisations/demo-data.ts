import type { Role } from '../../http/actor.ts';
import type { CaseState } from '../cases/index.ts';
import type { Nis2Class, Sector } from './organisations.schemas.ts';

/**
 * A realistic but invented demo: two controllers modelled on the breaches Breachdesk is designed for.
 * Every person and address here is made up; e-mail addresses use the reserved `.example` domain.
 */
export interface DemoCase {
  title: string;
  summary: string;
  state: CaseState;
  /** How long before loading the organisation became aware, so that the demo's deadlines are live. */
  awareHoursAgo: number;
}

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
}

export interface DemoProcessor {
  name: string;
  reportDeadlineHours: number;
  contactEmail: string;
}

export interface DemoOrganisation {
  name: string;
  sector: Sector;
  nis2: Nis2Class;
  brands: string[];
  processor: DemoProcessor;
  users: DemoUser[];
  /** The account that speaks for the processor, if the demo has one. */
  processorUser?: DemoUser;
  cases: DemoCase[];
}

export const demoOrganisations: DemoOrganisation[] = [
  {
    name: 'Telco Nederland B.V.',
    sector: 'telecom',
    nis2: 'essential',
    brands: ['Belmij'],
    processor: { name: 'KlantContact Services B.V.', reportDeadlineHours: 24, contactEmail: 'security@klantcontact.example' },
    users: [
      { email: 'admin@telco.example', displayName: 'Anouk de Vries', role: 'admin' },
      { email: 'privacy@telco.example', displayName: 'Pieter Jansen', role: 'privacy_officer' },
      { email: 'security@telco.example', displayName: 'Sanne Bakker', role: 'security_analyst' },
      { email: 'medewerker@telco.example', displayName: 'Tom Visser', role: 'staff_reporter' },
      { email: 'audit@telco.example', displayName: 'Ruud Smit', role: 'auditor' },
    ],
    processorUser: { email: 'meldingen@klantcontact.example', displayName: 'Lotte Mulder', role: 'processor' },
    cases: [
      {
        title: 'Customer-contact system breached; customer accounts exfiltrated',
        summary:
          'Attackers entered the customer-contact system and copied about 6.2 million customer accounts of Telco Nederland and its sub-brand Belmij: ' +
          'names, customer numbers, addresses, phone numbers, e-mail addresses, IBANs, dates of birth, ID-document numbers and internal notes. ' +
          'Passwords, call data, location data and ID scans were not taken. The attackers demand a ransom and threaten to publish the data.',
        state: 'notifying',
        awareHoursAgo: 30,
      },
      {
        title: 'Routers sent MAC addresses and device names to an AI company in the United States',
        summary:
          'Home routers sent the MAC addresses and device names of customers’ home networks to an AI company in the United States without the customers knowing. ' +
          'To establish: whether this is personal data in this case, the Chapter V basis for the transfer, and how customers can exercise their rights.',
        state: 'triage',
        awareHoursAgo: 6,
      },
    ],
  },
  {
    name: 'Energie Noord N.V.',
    sector: 'energy',
    nis2: 'essential',
    brands: [],
    processor: { name: 'ServiceDesk Flex B.V.', reportDeadlineHours: 24, contactEmail: 'privacy@servicedeskflex.example' },
    users: [{ email: 'admin@energienoord.example', displayName: 'Femke Hoekstra', role: 'admin' }],
    cases: [
      {
        title: 'Hired customer-service agent photographed customer records',
        summary:
          'A customer-service agent hired through a processor photographed the records of 776 customers (name, address, e-mail, phone, date of birth, ' +
          'customer number, bank account) and passed them on for bank-card fraud against people over 80. Searching by age and postcode, the agent could reach ' +
          'about 2,500 (former) customers. The police have been told; search by age has been switched off.',
        state: 'assessing',
        awareHoursAgo: 52,
      },
    ],
  },
];
