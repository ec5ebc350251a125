import { z } from 'zod';

export const affectedSets = ['confirmed', 'accessed', 'could_have_been_queried'] as const;
export type AffectedSet = (typeof affectedSets)[number];

/** Contact details and name: the only personal data kept per person, always encrypted at rest. */
export const contactSchema = z.object({
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  address: z.string().nullable(),
  name: z.string().nullable(),
  /** With the postcode, lets a person look themselves up by customer number when the organisation allows it. */
  customerNumber: z.string().nullable().optional(),
  postcode: z.string().nullable().optional(),
});
export type Contact = z.infer<typeof contactSchema>;

export interface AffectedPersonInput {
  personKey: string;
  set: AffectedSet;
  language: 'nl' | 'en';
  brands: string[];
  categories: string[];
  specialCategories: string[];
  vulnerable: string[];
  records: number;
  /** Normalised: lower-case e-mail, E.164 mobile. */
  contact: Contact;
}

export interface AffectedPerson extends AffectedPersonInput {
  id: string;
  caseId: string;
  sourceId: string;
}
