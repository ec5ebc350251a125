import type {
  AnalysisDetail,
  AnalysisSummary,
  ApiToken,
  Brand,
  CaseChange,
  CaseComment,
  CaseDetail,
  CaseNotification,
  CaseSummary,
  CaseTask,
  Dashboard,
  FileView,
  NewCaseInput,
  NewNotificationInput,
  NewReportInput,
  PersonRef,
  RegisterEntry,
  RegisterFilter,
  ReportDetail,
  ReportSummary,
  TaskChange,
  TimelineEvent,
  TriageInput,
  Mailbox,
  MailMessage,
  Me,
  MfaEnrolment,
  MfaStatus,
  NewProcessorInput,
  NewUserInput,
  Organisation,
  OrganisationChange,
  ProcessorLink,
  SetupInfo,
  UserChange,
  UserSummary,
  Locale,
  AssessmentRecord,
  CaseAssessmentView,
  DraftSubmissionInput,
  DraftView,
  NewDraftInput,
  RegulatorContact,
  RiskOutcomeValue,
  AudiencePerson,
  Campaign,
  CampaignAction,
  CampaignPreview,
  CampaignProgress,
  MessageCheck,
  NewCampaignInput,
  TestSendResult,
  IncidentPageBody,
  IncidentPageView,
} from './api-types.ts';

export interface FieldIssue {
  field: string;
  message: string;
}

/** Every failed call, whatever went wrong, arrives as one of these. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, issues: FieldIssue[] = [], details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.details = details;
  }

  /** Seconds the server asked us to wait before trying again, if it said so. */
  get retryAfterSeconds(): number | undefined {
    const value = this.details.retryAfterSeconds;
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }
}

export const csrfCookieName = 'bd_csrf';

export function readCookie(cookieHeader: string, name: string): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((issue) => ({
    field: typeof issue.field === 'string' ? issue.field : '',
    message: typeof issue.message === 'string' ? issue.message : '',
  }));
}

/** Reads the server's error body; anything else (a proxy's HTML page, an empty body) still becomes an ApiError. */
export function errorFromResponse(status: number, body: unknown, retryAfterHeader?: string | null): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code = typeof error?.code === 'string' ? error.code : status >= 500 ? 'internal' : 'http_error';
  const message = typeof error?.message === 'string' ? error.message : `The server answered with status ${status}.`;
  const details: Record<string, unknown> = isRecord(error?.details) ? { ...error.details } : {};
  if (details.retryAfterSeconds === undefined && retryAfterHeader && /^\d+$/.test(retryAfterHeader)) {
    details.retryAfterSeconds = Number(retryAfterHeader);
  }
  return new ApiError(status, code, message, toIssues(error?.issues), details);
}

/** A query string from the filled-in values only; empty filters are left out so that links stay short. */
export function queryString(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  fetch?: Fetch;
  /** Where the CSRF cookie is read from; the browser's cookies by default. */
  cookies?: () => string;
}

export function createApiClient(options: ApiClientOptions = {}) {
  const doFetch: Fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const cookies = options.cookies ?? (() => document.cookie);

  async function send<T>(method: string, path: string, body: string | FormData | undefined, contentType?: string): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (contentType) headers['content-type'] = contentType;
    if (method !== 'GET' && method !== 'HEAD') {
      const token = readCookie(cookies(), csrfCookieName);
      if (token) headers['x-csrf-token'] = token;
    }
    let response: Response;
    try {
      response = await doFetch(path, { method, headers, credentials: 'same-origin', body });
    } catch (cause) {
      throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'The server could not be reached.');
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok) throw errorFromResponse(response.status, parsed, response.headers.get('retry-after'));
    return parsed as T;
  }

  function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    return body === undefined ? send<T>(method, path, undefined) : send<T>(method, path, JSON.stringify(body), 'application/json');
  }

  /** Multipart upload; the browser sets the boundary, so no content type is given here. */
  function upload<T>(path: string, file: File): Promise<T> {
    const form = new FormData();
    form.append('file', file, file.name);
    return send<T>('POST', path, form);
  }

  const get = <T>(path: string) => request<T>('GET', path);
  const id = encodeURIComponent;

  /** A dataset of gigabytes: XMLHttpRequest, because fetch reports no upload progress. */
  function uploadWithProgress<T>(path: string, file: File, onProgress: (sent: number, total: number) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      xhr.withCredentials = true;
      xhr.setRequestHeader('accept', 'application/json');
      const token = readCookie(cookies(), csrfCookieName);
      if (token) xhr.setRequestHeader('x-csrf-token', token);
      xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
      xhr.onerror = () => reject(new ApiError(0, 'network_error', 'The server could not be reached.'));
      xhr.onload = () => {
        let parsed: unknown;
        try {
          parsed = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
        } catch {
          parsed = undefined;
        }
        if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as T);
        else reject(errorFromResponse(xhr.status, parsed, xhr.getResponseHeader('retry-after')));
      };
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    });
  }

  return {
    request,
    getSession: () => get<{ user: Me }>('/api/session'),
    signIn: (email: string, password: string) => request<{ user: Me } | { mfaRequired: true }>('POST', '/api/session', { email, password }),
    signInCode: (code: string) => request<{ user: Me }>('POST', '/api/session/mfa', { code }),
    getSsoOptions: () => get<{ provider: { name: string; startUrl: string } | null }>('/api/session/sso'),
    signOutEverywhere: () => request<{ sessionsEnded: number }>('DELETE', '/api/sessions'),
    getMfaStatus: () => get<MfaStatus>('/api/account/mfa'),
    startMfaEnrolment: () => request<MfaEnrolment>('POST', '/api/account/mfa/enrolment'),
    confirmMfaEnrolment: (code: string) => request<{ backupCodes: string[] }>('POST', '/api/account/mfa/confirmation', { code }),
    renewBackupCodes: (code: string) => request<{ backupCodes: string[] }>('POST', '/api/account/mfa/backup-codes', { code }),
    signOut: () => request<void>('DELETE', '/api/session'),
    getSetup: (token: string) => get<SetupInfo>(`/api/setup/${id(token)}`),
    completeSetup: (token: string, password: string) => request<{ user: Me }>('POST', '/api/setup', { token, password }),
    updateMe: (change: { locale: Locale }) => request<{ user: Me }>('PATCH', '/api/me', change),

    listUsers: () => get<{ users: UserSummary[] }>('/api/users'),
    createUser: (input: NewUserInput) => request<{ user: UserSummary; setupLink?: string }>('POST', '/api/users', input),
    updateUser: (userId: string, change: UserChange) => request<{ user: UserSummary }>('PATCH', `/api/users/${id(userId)}`, change),

    getOrganisation: () => get<Organisation>('/api/organisation'),
    updateOrganisation: (change: OrganisationChange) => request<Organisation>('PATCH', '/api/organisation', change),
    addBrand: (name: string) => request<Brand>('POST', '/api/organisation/brands', { name }),
    removeBrand: (brandId: string) => request<void>('DELETE', `/api/organisation/brands/${id(brandId)}`),
    addProcessor: (input: NewProcessorInput) => request<ProcessorLink>('POST', '/api/organisation/processors', input),

    listCases: (state?: string) => get<{ cases: CaseSummary[] }>(`/api/cases${queryString({ state })}`),
    getCase: (caseId: string) => get<CaseDetail>(`/api/cases/${id(caseId)}`),
    createCase: (input: NewCaseInput) => request<CaseDetail>('POST', '/api/cases', input),
    updateCase: (caseId: string, change: CaseChange) => request<CaseDetail>('PATCH', `/api/cases/${id(caseId)}`, change),
    updateCaseFacts: (caseId: string, facts: Record<string, unknown>) => request<CaseDetail>('PUT', `/api/cases/${id(caseId)}/facts`, { facts }),
    transitionCase: (caseId: string, to: string, reason?: string) =>
      request<CaseDetail>('POST', `/api/cases/${id(caseId)}/transition`, reason ? { to, reason } : { to }),
    listTasks: (caseId: string) => get<{ tasks: CaseTask[] }>(`/api/cases/${id(caseId)}/tasks`),
    addTask: (caseId: string, input: { title: string; assigneeUserId?: string; dueAt?: string }) =>
      request<CaseTask>('POST', `/api/cases/${id(caseId)}/tasks`, input),
    updateTask: (caseId: string, taskId: string, change: TaskChange) => request<CaseTask>('PATCH', `/api/cases/${id(caseId)}/tasks/${id(taskId)}`, change),
    listComments: (caseId: string) => get<{ comments: CaseComment[] }>(`/api/cases/${id(caseId)}/comments`),
    addComment: (caseId: string, body: string) => request<CaseComment>('POST', `/api/cases/${id(caseId)}/comments`, { body }),
    listCaseFiles: (caseId: string) => get<{ files: FileView[] }>(`/api/cases/${id(caseId)}/files`),
    uploadCaseFile: (caseId: string, file: File) => upload<FileView>(`/api/cases/${id(caseId)}/files`, file),
    caseFileUrl: (caseId: string, fileId: string) => `/api/cases/${id(caseId)}/files/${id(fileId)}`,
    uploadDataset: (caseId: string, file: File, onProgress: (sent: number, total: number) => void) =>
      uploadWithProgress<AnalysisSummary>(`/api/cases/${id(caseId)}/datasets`, file, onProgress),
    listAnalyses: (caseId: string) => get<{ analyses: AnalysisSummary[] }>(`/api/cases/${id(caseId)}/analyses`),
    getAnalysis: (caseId: string, analysisId: string) => get<AnalysisDetail>(`/api/cases/${id(caseId)}/analyses/${id(analysisId)}`),
    cancelAnalysis: (caseId: string, analysisId: string) => request<AnalysisSummary>('POST', `/api/cases/${id(caseId)}/analyses/${id(analysisId)}/cancel`),
    correctColumns: (caseId: string, analysisId: string, overrides: Record<string, string | null>) =>
      request<AnalysisSummary>('PUT', `/api/cases/${id(caseId)}/analyses/${id(analysisId)}/columns`, { overrides }),
    applyAnalysis: (caseId: string, analysisId: string) =>
      request<{ facts: Record<string, unknown> }>('POST', `/api/cases/${id(caseId)}/analyses/${id(analysisId)}/apply`),
    unreadableRowsUrl: (caseId: string, analysisId: string) => `/api/cases/${id(caseId)}/analyses/${id(analysisId)}/unreadable.csv`,
    getTimeline: (caseId: string) => get<{ events: TimelineEvent[] }>(`/api/cases/${id(caseId)}/timeline`),
    listNotifications: (caseId: string) => get<{ notifications: CaseNotification[] }>(`/api/cases/${id(caseId)}/notifications`),
    recordNotification: (caseId: string, input: NewNotificationInput) =>
      request<CaseNotification>('POST', `/api/cases/${id(caseId)}/notifications`, input),
    listAssignableUsers: () => get<{ users: PersonRef[] }>('/api/users/assignable'),
    getIncidentPage: (caseId: string) => get<IncidentPageView>(`/api/cases/${id(caseId)}/incident-page`),
    saveIncidentPage: (caseId: string, body: IncidentPageBody) => request<IncidentPageView>('PUT', `/api/cases/${id(caseId)}/incident-page`, body),
    setIncidentPagePublished: (caseId: string, published: boolean) =>
      request<IncidentPageView>('POST', `/api/cases/${id(caseId)}/incident-page/${published ? 'publish' : 'unpublish'}`),
    listCampaigns: (caseId: string) => get<{ campaigns: Campaign[] }>(`/api/cases/${id(caseId)}/campaigns`),
    createCampaign: (caseId: string, input: NewCampaignInput) => request<Campaign>('POST', `/api/cases/${id(caseId)}/campaigns`, input),
    getCampaign: (caseId: string, campaignId: string) => get<Campaign>(`/api/cases/${id(caseId)}/campaigns/${id(campaignId)}`),
    getCampaignProgress: (caseId: string, campaignId: string) => get<CampaignProgress>(`/api/cases/${id(caseId)}/campaigns/${id(campaignId)}/progress`),
    campaignAction: (caseId: string, campaignId: string, action: CampaignAction) =>
      request<Campaign>('POST', `/api/cases/${id(caseId)}/campaigns/${id(campaignId)}/${action}`),
    sampleAudience: (caseId: string, campaignId: string) =>
      get<{ people: AudiencePerson[] }>(`/api/cases/${id(caseId)}/campaigns/${id(campaignId)}/audience`),
    previewCampaign: (caseId: string, campaignId: string, personId: string) =>
      get<CampaignPreview>(`/api/cases/${id(caseId)}/campaigns/${id(campaignId)}/preview${queryString({ personId })}`),
    /** Sends the rendered message to the signed-in officer's own address; the outbox is not touched. */
    testSendCampaign: (caseId: string, campaignId: string, input: { personId?: string; language: Locale }) =>
      request<TestSendResult>('POST', `/api/cases/${id(caseId)}/campaigns/${id(campaignId)}/test-send`, input),
    campaignFileUrl: (caseId: string, campaignId: string, file: 'report.pdf' | 'report.csv' | 'letters.pdf' | 'letters.csv') =>
      `/api/cases/${id(caseId)}/campaigns/${id(campaignId)}/${file}`,
    checkMessage: (input: { subject: string; body: string; locale: Locale }) => request<MessageCheck>('POST', '/api/messages/check', input),
    getAssessment: (caseId: string) => get<CaseAssessmentView>(`/api/cases/${id(caseId)}/assessment`),
    /** Without a chosen outcome the computed one is recorded; another outcome needs the justification. */
    decideAssessment: (caseId: string, decision: { chosenOutcome?: RiskOutcomeValue; justification?: string }) =>
      request<AssessmentRecord>('POST', `/api/cases/${id(caseId)}/assessment`, decision),
    listDrafts: (caseId: string) => get<{ drafts: DraftView[] }>(`/api/cases/${id(caseId)}/regulator/drafts`),
    createDraft: (caseId: string, input: NewDraftInput) => request<DraftView>('POST', `/api/cases/${id(caseId)}/regulator/drafts`, input),
    recordDraftSubmission: (caseId: string, draftId: string, input: DraftSubmissionInput) =>
      request<DraftView>('POST', `/api/cases/${id(caseId)}/regulator/drafts/${id(draftId)}/submitted`, input),
    draftPdfUrl: (caseId: string, draftId: string, locale: Locale) => `/api/cases/${id(caseId)}/regulator/drafts/${id(draftId)}/pdf${queryString({ locale })}`,
    draftJsonUrl: (caseId: string, draftId: string) => `/api/cases/${id(caseId)}/regulator/drafts/${id(draftId)}`,
    getRegulatorContact: () => get<RegulatorContact>('/api/regulator/contact'),
    updateRegulatorContact: (contact: RegulatorContact) => request<RegulatorContact>('PUT', '/api/regulator/contact', contact),

    listReports: (status?: string) => get<{ reports: ReportSummary[] }>(`/api/reports${queryString({ status })}`),
    getReport: (reportId: string) => get<ReportDetail>(`/api/reports/${id(reportId)}`),
    createReport: (input: NewReportInput) => request<{ id: string; reference: string; status: string }>('POST', '/api/reports', input),
    uploadReportFile: (reportId: string, file: File) => upload<FileView>(`/api/reports/${id(reportId)}/files`, file),
    triageReport: (reportId: string, input: TriageInput) =>
      request<{ reportId: string; status: string; caseId: string | null }>('POST', `/api/reports/${id(reportId)}/triage`, input),

    listTokens: () => get<{ tokens: ApiToken[] }>('/api/tokens'),
    createToken: (name: string) => request<{ id: string; name: string; prefix: string; token: string }>('POST', '/api/tokens', { name }),
    revokeToken: (tokenId: string) => request<void>('DELETE', `/api/tokens/${id(tokenId)}`),
    createProcessorReportLink: (linkId: string) => request<{ url: string }>('POST', `/api/organisation/processors/${id(linkId)}/report-link`),

    getRegister: (filter: RegisterFilter) => get<{ entries: RegisterEntry[] }>(`/api/register${queryString({ ...filter })}`),
    registerExportUrl: (format: 'csv' | 'pdf', filter: RegisterFilter) => `/api/register.${format}${queryString({ ...filter })}`,
    getDashboard: () => get<Dashboard>('/api/dashboard'),

    getMailbox: () => get<Mailbox>('/api/mailbox'),
    getMailMessage: (messageId: string) => get<MailMessage>(`/api/mailbox/${id(messageId)}`),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

export const api: ApiClient = createApiClient();
