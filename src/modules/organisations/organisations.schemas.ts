import { z } from 'zod';

export const sectors = ['telecom', 'energy', 'health', 'finance', 'education', 'public', 'retail', 'other'] as const;
export type Sector = (typeof sectors)[number];

export const nis2Classes = ['essential', 'important', 'none'] as const;
export type Nis2Class = (typeof nis2Classes)[number];

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const organisationName = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const brandName = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
export const timeZone = z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Amsterdam');
export const sector = z.enum(sectors);
export const nis2 = z.enum(nis2Classes);
export const locale = z.enum(locales);
export const reportDeadlineHours = z.number().int().min(1).max(720);

export const createOrganisationInput = z.object({
  name: organisationName,
  sector,
  nis2: nis2.default('none'),
  timeZone: timeZone.default('Europe/Amsterdam'),
  defaultLocale: locale.default('nl'),
  brands: z.array(brandName).max(50).default([]),
});
export type CreateOrganisationInput = z.input<typeof createOrganisationInput>;

export const updateOrganisationBody = z.object({
  name: organisationName.optional(),
  sector: sector.optional(),
  nis2: nis2.optional(),
  timeZone: timeZone.optional(),
  defaultLocale: locale.optional(),
});
export type UpdateOrganisationInput = z.input<typeof updateOrganisationBody>;

export const addBrandBody = z.object({ name: brandName });
export type AddBrandInput = z.input<typeof addBrandBody>;

export const addProcessorBody = z.object({
  name: organisationName,
  reportDeadlineHours: reportDeadlineHours.default(24),
  contactEmail: z.email('must be an e-mail address').max(254).optional(),
});
export type AddProcessorInput = z.input<typeof addProcessorBody>;

export const brandParams = z.object({ id: z.string().min(1).max(64) });

export const brandResponse = z.object({ id: z.string(), name: z.string() });

export const processorEntryResponse = z.object({
  linkId: z.string(),
  orgId: z.string(),
  name: z.string(),
  reportDeadlineHours: z.number().int(),
  contactEmail: z.string().nullable(),
});

export const organisationResponse = z.object({
  id: z.string(),
  name: z.string(),
  sector,
  nis2,
  timeZone: z.string(),
  defaultLocale: locale,
  brands: z.array(brandResponse),
  processors: z.array(processorEntryResponse),
});

/** GET /api/organisation adds the public report page (slug and address, from the intake module). */
export const organisationWithReportPageResponse = organisationResponse.extend({ slug: z.string(), publicReportUrl: z.string() });

export type BrandView = z.infer<typeof brandResponse>;
export type ProcessorEntryView = z.infer<typeof processorEntryResponse>;
export type OrganisationView = z.infer<typeof organisationResponse>;
