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
