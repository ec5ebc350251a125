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
  /** The organisation requires a second factor for this role and none is set up yet. */
  mfaEnrolmentRequired?: boolean;
}

export interface MfaStatus {
  enrolled: boolean;
  required: boolean;
  backupCodesLeft: number;
}

export interface MfaEnrolment {
  secret: string;
  otpauthUri: string;
  qrCode: string;
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
  slug?: string;
  publicReportUrl?: string;
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

export const caseStates = ['reported', 'triage', 'investigating', 'contained', 'decided', 'notifying', 'closed'] as const;
export type CaseState = (typeof caseStates)[number];

export const reportStatuses = ['new', 'converted', 'attached', 'not_a_breach'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export type Severity = 'ok' | 'warning' | 'critical';

/** Dutch and English wording from the server; older servers may send a title/summary pair. */
export type LocalisedLabel = Record<Locale, string | { title: string; summary?: string }>;

export interface NextDeadline {
  obligation: string;
  dueAt: string;
  severity: Severity;
  overdue: boolean;
}

export interface CaseSummary {
  id: string;
  reference: string;
  title: string;
  state: string;
  awareAt: string | null;
  createdAt: string;
  ownerName?: string | null;
  riskOutcome?: string | null;
  nextDeadline?: NextDeadline | null;
}

export const obligationStatuses = ['open', 'met', 'met_late', 'overdue', 'not_applicable'] as const;

export interface CaseDeadline {
  partyId: string | null;
  obligation: string;
  label: LocalisedLabel;
  recipient: string;
  dueAt: string | null;
  status: string;
  notApplicableReason?: string | null;
  notifiedAt: string | null;
  delayReasonRequired: boolean;
  remainingMs: number | null;
  overdue: boolean;
  severity: Severity;
}

export interface CaseParty {
  id: string;
  brandId: string | null;
  name: string;
  role: string;
}

export interface CaseDetail extends CaseSummary {
  summary: string;
  updatedAt: string;
  allowedTransitions?: string[];
  owner?: { id: string; name: string } | null;
  detectedAt?: string | null;
  occurredAt?: string | null;
  facts?: Record<string, unknown> | null;
  factSources?: Record<string, unknown> | null;
  effects?: string | null;
  remedialAction?: string | null;
  decisionReason?: string | null;
  notABreach?: boolean;
  closedAt?: string | null;
  closedReason?: string | null;
  parties?: CaseParty[];
  deadlines?: CaseDeadline[];
  reports?: { id: string; reference: string; source: string }[];
  counts?: { openTasks: number; tasks: number; comments: number; files: number };
}

export interface NewCaseInput {
  title: string;
  summary?: string;
  awareAt?: string;
  detectedAt?: string;
  occurredAt?: string;
  brandIds?: string[];
}

export interface CaseChange {
  title?: string;
  summary?: string;
  ownerUserId?: string;
  awareAt?: string;
  detectedAt?: string;
  occurredAt?: string;
  effects?: string;
  remedialAction?: string;
  decisionReason?: string;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface CaseTask {
  id: string;
  templateKey: string | null;
  title: string;
  assignee: PersonRef | null;
  dueAt: string | null;
  status: 'open' | 'done';
  completedAt: string | null;
}

export interface TaskChange {
  status?: 'open' | 'done';
  title?: string;
  assigneeUserId?: string;
  dueAt?: string;
}

export interface CaseComment {
  id: string;
  author: PersonRef;
  body: string;
  createdAt: string;
}

export interface FileView {
  id: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}

export interface TimelineEvent {
  seq: number;
  at: string;
  action: string;
  actorName: string | null;
  details: Record<string, unknown> | null;
}

export const notificationKinds = ['initial', 'follow_up', 'complete', 'withdrawal'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface CaseNotification {
  id: string;
  obligation: string;
  kind: NotificationKind;
  sentAt: string;
  externalReference: string | null;
  delayReason: string | null;
  partyId: string | null;
  recordedBy: PersonRef | string | null;
}

export interface NewNotificationInput {
  obligation: string;
  kind: NotificationKind;
  sentAt: string;
  externalReference?: string;
  delayReason?: string;
  partyId?: string;
}

export const triStates = ['yes', 'no', 'unknown'] as const;
export type TriState = (typeof triStates)[number];
export const reporterRoles = ['staff', 'processor', 'customer', 'other'] as const;
export type ReporterRole = (typeof reporterRoles)[number];

export interface ReportSummary {
  id: string;
  reference: string;
  source: string;
  status: ReportStatus;
  reporterRole: string | null;
  excerpt: string;
  dataCategories: string[];
  personsMin: number | null;
  personsMax: number | null;
  processorName: string | null;
  caseId: string | null;
  createdAt: string;
}

export interface ReportDetail extends ReportSummary {
  description: string;
  occurredAt: string | null;
  discoveredAt: string | null;
  ongoing: TriState;
  systems: string;
  dataEncrypted: TriState;
  reporterName: string | null;
  reporterEmail: string | null;
  reporterPhone: string | null;
  reporterOrgName: string | null;
  processorAwareAt: string | null;
  processorReportedAt: string | null;
  triageReason: string | null;
  files: FileView[];
}

export interface NewReportInput {
  description: string;
  occurredAt?: string;
  discoveredAt?: string;
  ongoing: TriState;
  systems: string;
  dataCategories: string[];
  personsMin?: number;
  personsMax?: number;
  dataEncrypted: TriState;
  reporterRole?: ReporterRole;
  reporterName?: string;
  reporterEmail?: string;
  reporterPhone?: string;
  processorAwareAt?: string;
}

export type TriageInput = { action: 'new_case'; title?: string } | { action: 'attach'; caseId: string } | { action: 'not_a_breach'; reason: string };

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface RegisterEntry {
  caseId: string;
  reference: string;
  title: string;
  state: string;
  notABreach: boolean;
  occurredAt: string | null;
  detectedAt: string | null;
  awareAt: string | null;
  cause: string | null;
  categories: string[];
  personsMin: number | null;
  personsMax: number | null;
  records: number | null;
  riskOutcome: string | null;
  authorityNotifiedAt: string | null;
  authorityReference: string | null;
  notifiedOnTime: boolean | null;
  delayReason: string | null;
  subjectsInformed: boolean;
  effects: string | null;
  remedialAction: string | null;
  decisionReason: string | null;
  closedAt: string | null;
  closedReason: string | null;
}

export interface RegisterFilter {
  from?: string;
  to?: string;
  cause?: string;
  outcome?: string;
  notified?: 'yes' | 'no';
  state?: string;
}

export interface DeadlineAtRisk {
  caseId: string;
  reference: string;
  title: string;
  obligation: string;
  label: LocalisedLabel;
  dueAt: string;
  severity: Severity;
  remainingMs: number;
  overdue: boolean;
}

export interface Dashboard {
  openCasesByState: Record<string, number>;
  reportsAwaitingTriage: number;
  deadlinesAtRisk: DeadlineAtRisk[];
  casesPerMonth: { month: string; notified: number; notNotified: number }[];
  hoursToAuthority: { reference: string; hours: number }[];
  medianHoursToAuthority: number | null;
  shareNotifiedOnTime: number | null;
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

export type AnalysisStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

/** GET /api/cases/:id/analyses: one analysis of a case's dataset with its progress. */
export interface AnalysisSummary {
  id: string;
  caseId: string;
  fileName: string;
  format: 'csv' | 'jsonl' | 'parquet';
  status: AnalysisStatus;
  phase: string | null;
  fraction: number;
  error: string | null;
  columnOverrides: Record<string, string | null>;
  rerunOf: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  appliedAt: string | null;
}

export interface AnalysisColumn {
  header: string;
  category: string | null;
  decidedBy: string;
  confidence: number;
  confidenceLevel: string;
  nonEmpty: number;
  matchRate: number;
  validationRate: number;
  maskedExamples: string[];
}

export interface AnalysisTotals {
  rows: number;
  dataRows: number;
  unreadableRows: number;
  persons: number;
  uncertainMerges: number;
  cappedClusters: number;
  recordsPerPerson: Record<string, number>;
  personsPerCategory: Record<string, number>;
  personsPerSpecialCategory: Record<string, number>;
  personsPerBrand: Record<string, number>;
  personsPerSet: Record<string, number>;
  ageHistogram: Record<string, number>;
  vulnerable: { minors: number; aged80Plus: number; financialAdministration: number; debtCounselling: number; paymentArrangement: number; health: number };
}

export interface AnalysisDetail extends AnalysisSummary {
  result: { columns: AnalysisColumn[]; totals: AnalysisTotals; referenceDate: string; affectedPeople: { rows: number } } | null;
}

// The risk decision and the regulator drafts: typed from the module schemas, so the UI follows the API.
export type {
  AssessmentRecord,
  CaseAssessmentView,
  ComputedAssessment,
  PartyOutcome,
  RiskOutcomeValue,
} from '../../src/modules/risk/assessment.schemas.ts';
import type { ComputedAssessment as ComputedAssessmentShape } from '../../src/modules/risk/assessment.schemas.ts';
/** The decision as the API sends it (snake_case, like `breachdesk assess` prints it). */
export type DecisionReport = NonNullable<ComputedAssessmentShape['decision']>;
export type {
  Bilingual,
  ContactView as RegulatorContact,
  CreateDraftBody as NewDraftInput,
  DraftAnswer,
  DraftChange,
  DraftKind,
  DraftRegime,
  DraftSection,
  DraftView,
  SubmittedBody as DraftSubmissionInput,
} from '../../src/modules/regulator/regulator.schemas.ts';

// Campaigns to inform the people affected: typed from the module schemas, so the UI follows the API.
import type { z as zod } from 'zod';
import type { campaignView as campaignViewSchema, previewView as previewViewSchema } from '../../src/modules/notifications/campaigns.schemas.ts';
import type { testSendView as testSendViewSchema } from '../../src/modules/notifications/campaign-files.schemas.ts';
export type { CreateCampaignInput as NewCampaignInput, ProgressView as CampaignProgress } from '../../src/modules/notifications/campaigns.schemas.ts';
export type { MessageCheck, CheckItem } from '../../src/modules/messages-check/art34-checker.ts';
export type Campaign = zod.infer<typeof campaignViewSchema>;
// The public incident page of a case ("am I affected?"), typed from the lookup module's schemas.
export type { IncidentPageBody, IncidentPageView, IncidentTexts } from '../../src/modules/lookup/incident-page.schemas.ts';
export type CampaignPreview = zod.infer<typeof previewViewSchema>;
export type TestSendResult = zod.infer<typeof testSendViewSchema>;
export type CampaignState = Campaign['state'];
export type CampaignAction = 'approve' | 'start' | 'pause' | 'resume' | 'cancel';
export interface AudiencePerson {
  id: string;
  personKey: string;
  channel: 'email' | 'sms' | 'letter' | 'phone';
}
