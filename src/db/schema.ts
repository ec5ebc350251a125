import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The tables as Kysely sees them. Portable column types only: text ids, ISO 8601 UTC text for moments,
 * integer 0/1 for flags and JSON as text, so that one set of migrations and queries serves SQLite and
 * PostgreSQL alike.
 */
export interface Database {
  organisations: OrganisationTable;
  brands: BrandTable;
  processor_links: ProcessorLinkTable;
  users: UserTable;
  sessions: SessionTable;
  login_throttle: LoginThrottleTable;
  setup_tokens: SetupTokenTable;
  jobs: JobTable;
  mailbox_messages: MailboxMessageTable;
  audit_events: AuditEventTable;
  cases: CaseTable;
  affected_people: AffectedPersonTable;
  lookup_index: LookupIndexTable;
  incident_pages: IncidentPageTable;
  lookup_throttle: LookupThrottleTable;
  analyses: AnalysisTable;
  reports: ReportTable;
  case_parties: CasePartyTable;
  case_tasks: CaseTaskTable;
  case_comments: CaseCommentTable;
  data_keys: DataKeyTable;
  files: FileTable;
  case_notifications: CaseNotificationTable;
  api_tokens: ApiTokenTable;
  processor_report_links: ProcessorReportLinkTable;
  case_assessments: CaseAssessmentTable;
  regulator_drafts: RegulatorDraftTable;
  user_totp: UserTotpTable;
  backup_codes: BackupCodeTable;
  mfa_pending: MfaPendingTable;
}

export interface OrganisationTable {
  id: string;
  kind: 'controller' | 'processor';
  name: string;
  sector: string;
  nis2: string;
  time_zone: string;
  default_locale: 'nl' | 'en';
  created_at: string;
}

/**
 * organisations.slug (migration 0006), the public report page's address part. Kept apart from
 * OrganisationTable so that code inserting organisations need not know it: only the intake module reads and
 * fills it, through `db.withTables<{ organisations: OrganisationTable & OrganisationSlugColumn }>()`.
 */
export interface OrganisationSlugColumn {
  slug: string | null;
}

/**
 * organisations.dpo_name, dpo_email, dpo_phone (migration 0007): the contact point the authority's form asks
 * for (GDPR art. 33(3)(b)). Kept apart like the slug; the regulator module reads and fills them through
 * `db.withTables<{ organisations: OrganisationTable & OrganisationContactColumns }>()`.
 */
export interface OrganisationContactColumns {
  dpo_name: string | null;
  dpo_email: string | null;
  dpo_phone: string | null;
}

export interface BrandTable {
  id: string;
  org_id: string;
  name: string;
  created_at: string;
}

export interface ProcessorLinkTable {
  id: string;
  controller_org_id: string;
  processor_org_id: string;
  report_deadline_hours: number;
  contact_email: string | null;
  created_at: string;
}

export interface UserTable {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  role: string;
  processor_org_id: string | null;
  password_hash: string | null;
  locale: 'nl' | 'en';
  disabled_at: string | null;
  created_at: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  org_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

export interface SetupTokenTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface JobTable {
  id: string;
  name: string;
  payload: string;
  status: 'queued' | 'running' | 'done' | 'skipped' | 'failed';
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface MailboxMessageTable {
  id: string;
  org_id: string | null;
  message_id: string;
  from_address: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  created_at: string;
}

export interface AuditEventTable {
  id: string;
  seq: number;
  org_id: string | null;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  details: string;
  created_at: string;
  prev_hash: string;
  hash: string;
  case_id: string | null;
}

export interface CaseTable {
  id: string;
  org_id: string;
  reference: string;
  title: string;
  summary: string;
  state: string;
  owner_user_id: string | null;
  aware_at: string | null;
  created_at: string;
  updated_at: string;
  detected_at: string | null;
  occurred_at: string | null;
  facts: Generated<string>;
  fact_sources: Generated<string>;
  cause: string | null;
  risk_outcome: string | null;
  effects: Generated<string>;
  remedial_action: Generated<string>;
  decision_reason: Generated<string>;
  not_a_breach: Generated<number>;
  closed_at: string | null;
  closed_reason: string | null;
}

export interface ReportTable {
  id: string;
  org_id: string;
  reference: string;
  source: 'public' | 'internal' | 'processor' | 'api';
  status: 'new' | 'converted' | 'attached' | 'not_a_breach';
  case_id: string | null;
  reporter_role: 'staff' | 'processor' | 'customer' | 'other';
  reporter_org_name: string | null;
  reporter_name: string | null;
  reporter_email: string | null;
  reporter_phone: string | null;
  reporter_user_id: string | null;
  processor_org_id: string | null;
  api_token_id: string | null;
  locale: 'nl' | 'en';
  description: string;
  occurred_at: string | null;
  discovered_at: string | null;
  ongoing: 'yes' | 'no' | 'unknown';
  systems: string;
  data_categories: string;
  persons_min: number | null;
  persons_max: number | null;
  data_encrypted: 'yes' | 'no' | 'unknown';
  processor_aware_at: string | null;
  processor_reported_at: string | null;
  triage_reason: string | null;
  triaged_by: string | null;
  triaged_at: string | null;
  created_at: string;
}

export interface CasePartyTable {
  id: string;
  case_id: string;
  org_id: string;
  brand_id: string | null;
  role: 'controller' | 'joint_controller';
  created_at: string;
}

export interface CaseTaskTable {
  id: string;
  case_id: string;
  org_id: string;
  template_key: string | null;
  title: string;
  assignee_user_id: string | null;
  due_at: string | null;
  status: 'open' | 'done';
  completed_at: string | null;
  completed_by: string | null;
  created_at: string;
}

export interface CaseCommentTable {
  id: string;
  case_id: string;
  org_id: string;
  author_user_id: string;
  body: string;
  created_at: string;
}

export interface DataKeyTable {
  id: string;
  org_id: string;
  case_id: string | null;
  wrapped_key: string;
  kek_id: string;
  created_at: string;
}

export interface FileTable {
  id: string;
  org_id: string;
  case_id: string | null;
  report_id: string | null;
  name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  data_key_id: string;
  uploaded_by: string | null;
  created_at: string;
}

export interface CaseNotificationTable {
  id: string;
  case_id: string;
  org_id: string;
  party_id: string | null;
  obligation: string;
  kind: 'initial' | 'follow_up' | 'complete' | 'withdrawal';
  sent_at: string;
  external_reference: string | null;
  delay_reason: string | null;
  recorded_by: string | null;
  created_at: string;
}

export interface ApiTokenTable {
  id: string;
  org_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ProcessorReportLinkTable {
  id: string;
  processor_link_id: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface CaseAssessmentTable {
  id: string;
  case_id: string;
  org_id: string;
  facts: string;
  fact_sources: string;
  decision: string;
  computed_outcome: 'none' | 'risk' | 'high';
  chosen_outcome: 'none' | 'risk' | 'high';
  overridden: number;
  justification: string | null;
  decided_by: string;
  decided_at: string;
}

export interface RegulatorDraftTable {
  id: string;
  case_id: string;
  org_id: string;
  kind: 'initial' | 'follow_up' | 'withdrawal';
  regime: 'gdpr' | 'telecom' | 'nis2_early_warning' | 'nis2_notification' | 'nis2_final';
  content: string;
  previous_draft_id: string | null;
  assessment_id: string | null;
  created_by: string;
  created_at: string;
  submitted_at: string | null;
  ap_reference: string | null;
  notification_id: string | null;
  submitted_by: string | null;
}

/**
 * organisations.mfa_required_roles (JSON array of roles) and retention_days, and cases.purged_at (migration
 * 0008). Kept apart like the slug: the auth and retention modules reach them through `db.withTables<...>()`.
 */
export interface OrganisationSecurityColumns {
  mfa_required_roles: Generated<string>;
  retention_days: Generated<number>;
}

export interface CasePurgeColumn {
  purged_at: string | null;
}

/**
 * reports.data_key_id (migration 0015): the data key encrypting the report's description and reporter
 * name, e-mail and phone; null for a row written before encryption, still in plain text. Kept apart so
 * that only the intake module, which seals and opens those columns, sees it.
 */
export interface ReportEncryptionColumn {
  data_key_id: string | null;
}

export interface UserTotpTable {
  user_id: string;
  org_id: string;
  secret: string;
  data_key_id: string;
  confirmed_at: string | null;
  last_used_step: number | null;
  created_at: string;
}

export interface BackupCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface MfaPendingTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Job = Selectable<JobTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type CaseRow = Selectable<CaseTable>;
export type { Generated };

export interface AffectedPersonTable {
  id: string;
  org_id: string;
  case_id: string;
  source_id: string;
  person_key: string;
  set_kind: 'confirmed' | 'accessed' | 'could_have_been_queried';
  language: 'nl' | 'en';
  brands: string;
  categories: string;
  special_categories: string;
  vulnerable: string;
  records: number;
  has_email: number;
  has_mobile: number;
  has_address: number;
  contact_enc: string;
  created_at: string;
}

export interface AnalysisTable {
  id: string;
  org_id: string;
  case_id: string;
  file_id: string;
  file_name: string;
  format: 'csv' | 'jsonl' | 'parquet';
  status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
  phase: string | null;
  progress_permille: Generated<number>;
  cancel_requested: Generated<number>;
  column_overrides: Generated<string>;
  result: string | null;
  error: string | null;
  rerun_of: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  applied_at: string | null;
}

export interface LookupIndexTable {
  case_id: string;
  identifier_hmac: string;
  affected_person_id: string;
}

export interface IncidentPageTable {
  case_id: string;
  org_id: string;
  slug: string;
  published: number;
  /** JSON: { nl: IncidentTexts, en: IncidentTexts } */
  texts: string;
  not_affected_reply: 'message' | 'nothing';
  allow_customer_lookup: number;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface LookupThrottleTable {
  case_id: string;
  identifier_hmac: string;
  last_sent_at: string;
}
