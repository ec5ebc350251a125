/** The shapes of the HTTP API, as the server modules publish them. */

export const roles = ['admin', 'privacy_officer', 'security_analyst', 'staff_reporter', 'processor', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];

export const sectors = ['telecom', 'energy', 'health', 'finance', 'education', 'public', 'retail', 'other'] as const;
export type Sector = (typeof sectors)[number];

export const nis2Classes = ['essential', 'important', 'none'] as const;
export type Nis2Class = (typeof nis2Classes)[number];

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  orgId: string;
  orgName: string;
}

export interface SetupInfo {
  email: string;
  displayName: string;
}

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export interface NewUserInput {
  email: string;
  displayName: string;
  role: Role;
  password?: string;
}

export interface UserChange {
  role?: Role;
  displayName?: string;
  disabled?: boolean;
}

export interface Brand {
  id: string;
  name: string;
}

export interface ProcessorLink {
  linkId: string;
  orgId: string;
  name: string;
  reportDeadlineHours: number;
  contactEmail: string | null;
}

export interface Organisation {
  id: string;
  name: string;
  sector: Sector;
  nis2: Nis2Class;
  timeZone: string;
  defaultLocale: Locale;
  brands: Brand[];
  processors: ProcessorLink[];
}

export interface OrganisationChange {
  name?: string;
  sector?: Sector;
  nis2?: Nis2Class;
  timeZone?: string;
  defaultLocale?: Locale;
}

export interface NewProcessorInput {
  name: string;
  reportDeadlineHours: number;
  contactEmail?: string;
}

export interface CaseSummary {
  id: string;
  reference: string;
  title: string;
  state: string;
  awareAt: string | null;
  createdAt: string;
}

export interface CaseDetail extends CaseSummary {
  summary: string;
  updatedAt: string;
}

export interface MailSummary {
  id: string;
  to: string;
  subject: string;
  createdAt: string;
}

export interface Mailbox {
  driver: 'mailbox' | 'smtp';
  messages: MailSummary[];
}

export interface MailMessage extends MailSummary {
  from: string;
  text: string;
}
