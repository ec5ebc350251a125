import { z } from 'zod';
import {
  sectors,
  nis2Entities,
  confidentialityLosses,
  integrityLosses,
  availabilityLosses,
  breachCauses,
  dataCategories,
  vulnerableGroups,
  protections,
  identifiabilityLevels,
  dataInsights,
  transferBases,
} from './case-facts.vocabulary.ts';

export * from './case-facts.vocabulary.ts';

/**
 * The case-facts format: what an analyst establishes about a breach, and the only input of the risk
 * decision. It is a public contract (docs/case-facts.md, docs/case-facts.schema.json), so values are
 * snake_case words that read the same in JSON, in the docs and in the Dutch and English reasons.
 */

/** ISO 8601 with a zone (`Z` or an offset), so a moment is never read in the reader's local time. */
const isoMoment = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with Z or an offset' });

export const subjectsRangeSchema = z
  .object({
    min: z.number().int().min(0).describe('Lowest plausible number of people affected.'),
    max: z.number().int().min(0).describe('Highest plausible number of people affected.'),
  })
  .strict()
  .refine((range) => range.min <= range.max, { message: 'min must not exceed max', path: ['min'] });

export const caseFactsSchema = z
  .object({
    sector: z.enum(sectors).describe('Sector of the controller; telecom and NIS2 sectors run their own clocks.'),
    nis2: z.enum(nis2Entities).default('none').describe('NIS2 status of the controller.'),
    controller_traits: z
      .array(z.string().trim().min(1).max(80))
      .max(50)
      .default([])
      .describe('Special characteristics of the controller (e.g. hospital, bank, school, pharmacy).'),
    breach: z
      .object({
        confidentiality: z.enum(confidentialityLosses).describe('Who could see the data.'),
        integrity: z.enum(integrityLosses).default('none').describe('Were data altered, and can they be restored.'),
        availability: z.enum(availabilityLosses).default('none').describe('Were data lost or out of reach.'),
        malicious: z.boolean().describe('Intentional action to cause harm or to misuse the data.'),
        cause: z.enum(breachCauses),
        occurred_at: isoMoment.optional(),
        detected_at: isoMoment.optional(),
        aware_at: isoMoment.optional().describe('Reasonable certainty that personal data were compromised (EDPB 9/2022).'),
        ongoing: z.boolean().default(false),
      })
      .strict(),
    data: z
      .object({
        categories: z.array(z.enum(dataCategories)).min(1).describe('Kinds of personal data involved.'),
        subjects: subjectsRangeSchema,
        records: z.number().int().min(0).optional().describe('Number of records; not the same as people.'),
        vulnerable: z.array(z.enum(vulnerableGroups)).default([]).describe('Groups with particular needs among the people.'),
        protection: z.enum(protections).default('none').describe('State of the data when it left control.'),
        backup_available: z.boolean().default(false),
        identifiable: z
          .enum(identifiabilityLevels)
          .optional()
          .describe('Ease of identification; derived from the categories when absent.'),
        insight: z
          .enum(dataInsights)
          .default('detailed')
          .describe('How much the data reveal about the person (ENISA decreasing factor "nature of the data").'),
        profile_possible: z
          .boolean()
          .optional()
          .describe('Volume per person allows a profile; derived from the categories when absent.'),
        publicly_available: z.boolean().default(false).describe('The same data were already public before the breach.'),
        invalid_or_inaccurate: z.boolean().default(false).describe('The controller knows the data to be outdated or wrong.'),
      })
      .strict(),
    measures: z
      .object({
        text: z.string().max(20_000).default(''),
        data_recovered_before_access: z.boolean().default(false),
        recipient_trusted_and_deleted: z.boolean().default(false),
        high_risk_mitigated: z
          .boolean()
          .default(false)
          .describe('Later measures make the high risk no longer likely (GDPR art. 34(3)(b)).'),
        disproportionate_effort: z
          .boolean()
          .default(false)
          .describe('Informing each person would take disproportionate effort (GDPR art. 34(3)(c)).'),
      })
      .strict()
      .default({
        text: '',
        data_recovered_before_access: false,
        recipient_trusted_and_deleted: false,
        high_risk_mitigated: false,
        disproportionate_effort: false,
      }),
    transfer: z
      .object({
        destination_country: z
          .string()
          .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as US')
          .describe('Where the data went.'),
        outside_eea: z.boolean(),
        basis: z.enum(transferBases).describe('Chapter V basis for the transfer.'),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Facts as an analyst writes them (defaults may be left out). */
export type CaseFactsInput = z.input<typeof caseFactsSchema>;
/** Facts after validation, with every default filled in. */
export type CaseFacts = z.output<typeof caseFactsSchema>;
export type Sector = (typeof sectors)[number];
export type DataCategory = (typeof dataCategories)[number];
export type Protection = (typeof protections)[number];
export type Identifiability = (typeof identifiabilityLevels)[number];

/** The JSON Schema of the format, for tools that do not speak TypeScript; committed in docs/. */
export function buildCaseFactsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(caseFactsSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'Breachdesk case facts',
  };
}
