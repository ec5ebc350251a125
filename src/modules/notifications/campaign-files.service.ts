import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { readAffectedPerson, type Contact } from '../affected-people/index.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { decryptValue, getOrCreateDataKey } from '../keys/index.ts';
import { campaignProgress, getCampaign } from './campaigns.service.ts';
import { findLetterRows, findUserEmail, listFailures, listPendingLetters, sendTimeline } from './campaign-files.repository.ts';
import { lettersPrintedBody, type LettersPrintedView } from './campaign-files.schemas.ts';
import { createComposer, type Recipient } from './compose-message.ts';
import { deliveryReportCsv, toReportFailure, type DeliveryReport } from './delivery-report.ts';
import { renderDeliveryReportPdf } from './delivery-report-pdf.ts';
import { lettersToCsv } from './letters-csv.ts';
import { renderLettersPdf, type PrintedLetter } from './letters-pdf.ts';
import { findCaseReference, findPeopleByIds, markHandedOver } from './notifications.repository.ts';
import type { Campaign, Channel, Language } from './notifications.types.ts';
import { envelopeLines, parsePostalAddress, type PostalAddress } from './postal-address.ts';

export type CampaignFilesDeps = Pick<AppContext, 'db' | 'config' | 'clock'>;

export interface ExportFile {
  fileName: string;
  body: Buffer | string;
}

interface Letter extends PrintedLetter {
  name: string;
  address: PostalAddress;
}

/** Decrypted contact details of people, by id, read in chunks so that a large batch stays one query per 500. */
async function contactsOf(deps: CampaignFilesDeps, campaign: Campaign, personIds: readonly string[]) {
  const dataKey = await getOrCreateDataKey(deps.db, deps, campaign.orgId, campaign.caseId);
  const people = new Map<string, { language: Language; categories: string[]; contact: Contact }>();
  for (let i = 0; i < personIds.length; i += 500) {
    for (const p of await findPeopleByIds(deps.db, personIds.slice(i, i + 500))) {
      people.set(p.id, { language: p.language, categories: JSON.parse(p.categories) as string[], contact: JSON.parse(decryptValue(dataKey.key, p.contact_enc)) as Contact });
    }
  }
  return people;
}

function letterDate(now: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { timeZone, dateStyle: 'long' }).format(now);
}

/** The next batch of letters not yet handed to the printer, rendered from the template and each person's data. */
async function pendingLetters(deps: CampaignFilesDeps, actor: Actor, caseId: string, id: string, limit: number): Promise<{ campaign: Campaign; letters: Letter[] }> {
  const campaign = await getCampaign(deps, actor, caseId, id);
  if (campaign.state !== 'running' && campaign.state !== 'completed') {
    throw new AppError('invalid_transition', `A campaign that is ${campaign.state} has no letters to print: letters are made once it runs.`);
  }
  const caseReference = (await findCaseReference(deps.db, actor.orgId, caseId)) ?? caseId;
  const rows = await listPendingLetters(deps.db, campaign.id, limit);
  const people = await contactsOf(deps, campaign, [...new Set(rows.map((r) => r.affected_person_id))]);
  const composer = createComposer(campaign);
  const now = deps.clock.now();
  const letters: Letter[] = [];
  for (const row of rows) {
    const person = people.get(row.affected_person_id);
    // Someone removed from the list since the start is not written to.
    if (!person) continue;
    const address = parsePostalAddress(person.contact.address ?? '', person.contact.postcode);
    const message = composer.compose({ id: row.affected_person_id, language: person.language, categories: person.categories, name: person.contact.name }, caseReference);
    letters.push({
      reference: row.id,
      language: person.language,
      organisation: campaign.organisation,
      caseReference,
      date: letterDate(now, person.language, deps.config.TIME_ZONE),
      envelope: envelopeLines(person.contact.name, address),
      subject: message.subject,
      body: message.text,
      name: person.contact.name ?? '',
      address,
    });
  }
  return { campaign, letters };
}

async function auditExport(deps: CampaignFilesDeps, actor: Actor, campaign: Pick<Campaign, 'id' | 'caseId'>, action: string, details: Record<string, unknown>): Promise<void> {
  await deps.db.transaction().execute((tx) => recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action, subjectType: 'campaign', subjectId: campaign.id, caseId: campaign.caseId, details }));
}

function fileStem(campaign: Pick<Campaign, 'id'>, what: string, now: Date): string {
  return `campaign-${campaign.id.slice(-12)}-${what}-${now.toISOString().slice(0, 10)}`;
}

export async function exportLettersPdf(deps: CampaignFilesDeps, actor: Actor, caseId: string, id: string, limit: number): Promise<ExportFile> {
  const { campaign, letters } = await pendingLetters(deps, actor, caseId, id, limit);
  const title = actor.locale === 'nl' ? `Brieven: ${campaign.name}` : `Letters: ${campaign.name}`;
  const emptyText = actor.locale === 'nl' ? 'Er wachten geen brieven op het drukken.' : 'No letters are waiting to be printed.';
  const body = await renderLettersPdf(letters, { title, emptyText });
  await auditExport(deps, actor, campaign, 'campaign.letters_exported', { format: 'pdf', letters: letters.length });
  return { fileName: `${fileStem(campaign, 'letters', deps.clock.now())}.pdf`, body };
}

export async function exportLettersCsv(deps: CampaignFilesDeps, actor: Actor, caseId: string, id: string, limit: number): Promise<ExportFile> {
  const { campaign, letters } = await pendingLetters(deps, actor, caseId, id, limit);
  const body = lettersToCsv(letters);
  await auditExport(deps, actor, campaign, 'campaign.letters_exported', { format: 'csv', letters: letters.length });
  return { fileName: `${fileStem(campaign, 'letters', deps.clock.now())}.csv`, body };
}

/**
 * Handing letters to the printer is their sending: they become accepted and leave every later batch. A
 * reference marked before is reported back, so that a letter in two batches is caught before it is posted.
 */
export async function markLettersPrinted(deps: CampaignFilesDeps, actor: Actor, caseId: string, id: string, input: unknown): Promise<LettersPrintedView> {
  const parsed = lettersPrintedBody.safeParse(input);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'references must be a list of 1 to 10,000 letter references from letters.csv.', { issues: [{ field: 'references', message: 'a list of 1 to 10,000 letter references' }] });
  }
  const campaign = await getCampaign(deps, actor, caseId, id);
  const references = [...new Set(parsed.data.references)];
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const rows = await findLetterRows(tx, campaign.id, references);
    const pending = rows.filter((r) => r.state === 'pending').map((r) => r.id);
    const found = new Set(rows.map((r) => r.id));
    await markHandedOver(tx, pending, now, `handed to the printer by user ${actor.userId}`);
    const result: LettersPrintedView = {
      printed: pending.length,
      alreadyPrinted: rows.filter((r) => r.state !== 'pending').map((r) => r.id),
      unknown: references.filter((r) => !found.has(r)),
    };
    await recordAuditEvent(tx, deps.clock, {
      orgId: actor.orgId,
      actor,
      action: 'campaign.letters_printed',
      subjectType: 'campaign',
      subjectId: campaign.id,
      caseId: campaign.caseId,
      details: { printed: result.printed, alreadyPrinted: result.alreadyPrinted.length, unknown: result.unknown.length },
    });
    return result;
  });
}

function contactFor(channel: Channel, contact: Contact | undefined): string {
  if (!contact) return '';
  if (channel === 'email') return contact.email ?? '';
  if (channel === 'letter') return contact.address ?? '';
  return contact.mobile ?? '';
}

/** Failures beyond this are left out of a report; a campaign with more has a problem the counts already show. */
const maxReportFailures = 1_000_000;

async function buildDeliveryReport(deps: CampaignFilesDeps, actor: Actor, caseId: string, id: string, withContact: boolean): Promise<DeliveryReport> {
  const campaign = await getCampaign(deps, actor, caseId, id);
  const caseReference = (await findCaseReference(deps.db, actor.orgId, caseId)) ?? caseId;
  const progress = await campaignProgress(deps, campaign);
  const timeline = await sendTimeline(deps.db, campaign.id);
  const failureRows = await listFailures(deps.db, campaign.id, maxReportFailures);
  const people = withContact ? await contactsOf(deps, campaign, [...new Set(failureRows.map((r) => r.affected_person_id))]) : null;
  return {
    campaign,
    caseReference,
    generatedAt: deps.clock.now().toISOString(),
    progress,
    timeline,
    failures: failureRows.map((row) => toReportFailure(row, people ? contactFor(row.channel, people.get(row.affected_person_id)?.contact) : undefined)),
  };
}

export async function exportDeliveryReportCsv(deps: CampaignFilesDeps, actor: Actor, caseId: string, id: string, options: { withContact: boolean }): Promise<ExportFile> {
  const report = await buildDeliveryReport(deps, actor, caseId, id, options.withContact);
  await auditExport(deps, actor, report.campaign, 'campaign.report_exported', { format: 'csv', withContact: options.withContact, failures: report.failures.length });
  return { fileName: `${fileStem(report.campaign, 'report', deps.clock.now())}.csv`, body: deliveryReportCsv(report, options) };
}

export async function exportDeliveryReportPdf(deps: CampaignFilesDeps, actor: Actor, caseId: string, id: string): Promise<ExportFile> {
  const report = await buildDeliveryReport(deps, actor, caseId, id, false);
  const body = await renderDeliveryReportPdf(report, { locale: actor.locale, timeZone: deps.config.TIME_ZONE });
  await auditExport(deps, actor, report.campaign, 'campaign.report_exported', { format: 'pdf', withContact: false, failures: report.failures.length });
  return { fileName: `${fileStem(report.campaign, 'report', deps.clock.now())}.pdf`, body };
}

/** Example data for a test without a chosen person: the officer's own name and a few common categories. */
const sampleCategories = ['name', 'address', 'email'];

/**
 * Sends the message as a person would receive it to the signed-in officer's own address, marked as a test
 * in the subject, the text and a header. It goes through the application's mailer, never the outbox, so no
 * campaign count moves.
 */
export async function sendTestMessage(deps: CampaignFilesDeps & Pick<AppContext, 'mailer'>, actor: Actor, caseId: string, id: string, input: { personId?: string | undefined; language: Language }) {
  const campaign = await getCampaign(deps, actor, caseId, id);
  const to = await findUserEmail(deps.db, actor.orgId, actor.userId);
  if (!to) throw notFound('user');
  const caseReference = (await findCaseReference(deps.db, actor.orgId, caseId)) ?? caseId;
  const person = input.personId ? await readAffectedPerson(deps.db, deps, { orgId: actor.orgId, caseId }, input.personId) : null;
  if (input.personId && !person) throw notFound('person');
  const recipient: Recipient = person
    ? { id: person.id, language: input.language, categories: person.categories, name: person.contact.name }
    : { id: actor.userId, language: input.language, categories: sampleCategories, name: actor.displayName };
  const message = createComposer(campaign).compose(recipient, caseReference);
  const banner =
    input.language === 'nl'
      ? `TEST: zo ontvangt ${input.personId ? 'deze persoon' : 'een betrokkene'} dit bericht. Het is niet verzonden aan betrokkenen.`
      : `TEST: this is how ${input.personId ? 'this person' : 'an affected person'} receives this message. It was not sent to anyone affected.`;
  const subject = `[TEST] ${message.subject}`;
  await deps.mailer.send({
    to,
    subject,
    text: `${banner}\n\n${message.text}`,
    html: message.html.replace('<body>', `<body><p><strong>${banner}</strong></p>`),
    orgId: actor.orgId,
    headers: { 'X-Breachdesk-Test': 'yes' },
  });
  await auditExport(deps, actor, campaign, 'campaign.test_sent', { personId: input.personId ?? null, language: input.language });
  return { to, subject, channel: 'email' as const };
}
