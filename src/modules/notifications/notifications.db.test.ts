import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories.ts';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { loadConfig } from '../../config/config.ts';
import { systemClock } from '../../shared/time.ts';
import { storeAffectedPeople, type AffectedPersonInput } from '../affected-people/index.ts';
import { getOrCreateDataKey } from '../keys/index.ts';
import { approveCampaign, campaignProgress, createCampaign, getCampaign, previewCampaign, seedOutbox, startCampaign } from './campaigns.service.ts';
import { createSmtpChannel } from './email-channel.ts';
import { actorFor, insertTestCase, passingTemplates, startSmtpSink, type TestSmtpSink } from './notifications.fixtures.ts';
import { listOutboxRows } from './notifications.repository.ts';
import { createOutboxSender } from './outbox-sender.ts';
import { createHttpSmsGateway } from './sms-gateway.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-notify-'));
const config = loadConfig({ DATA_DIR: dataDir, MAIL_FROM: 'Breachdesk <noreply@belmij.test>', LOG_LEVEL: 'silent' });
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function person(key: string, email: string | null, categories: string[], extra: Partial<AffectedPersonInput> = {}): AffectedPersonInput {
  return {
    personKey: key,
    set: 'confirmed',
    language: 'nl',
    brands: ['Belmij'],
    categories,
    specialCategories: [],
    vulnerable: [],
    records: 1,
    contact: { email, mobile: '+3161234' + key.padStart(4, '0').slice(-4), address: 'Dorpsstraat 1, 1234 AB Dorp', name: `Naam ${key}` },
    ...extra,
  };
}

describeOnDatabases('notification campaigns', (getDb) => {
  let sink: TestSmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink({ reject: (address) => (address.startsWith('bounce') ? { code: 550, message: 'No such user' } : null) });
  });
  afterAll(async () => sink.close());

  async function setUp(people: AffectedPersonInput[]) {
    const { db } = getDb();
    const author = await buildUser(db, { role: 'privacy_officer' });
    const approver = await buildUser(db, { role: 'privacy_officer', org_id: author.org_id });
    const ref = await insertTestCase(db, author.org_id);
    await storeAffectedPeople(db, { config, clock: systemClock }, { ...ref, sourceId: 'list-1' }, people);
    const deps = { db, config, clock: systemClock };
    const campaign = await createCampaign(deps, actorFor(author), ref.caseId, { brand: 'Belmij', name: 'Wave 1', templates: passingTemplates, contact: 'privacy@belmij.test', organisation: 'Belmij' });
    return { deps, author, approver, ref, campaign };
  }

  async function senderFor(setup: Awaited<ReturnType<typeof setUp>>, workerId: string, sms: ReturnType<typeof createHttpSmsGateway> | null = null) {
    const { db, dialect } = getDb();
    const campaign = await getCampaign(setup.deps, actorFor(setup.author), setup.ref.caseId, setup.campaign.id);
    const dataKey = await getOrCreateDataKey(db, { config, clock: systemClock }, setup.ref.orgId, setup.ref.caseId);
    const email = createSmtpChannel({ url: sink.url, from: config.MAIL_FROM, maxConnections: 3 });
    const sender = createOutboxSender({ database: { db, dialect }, clock: systemClock, campaign, caseReference: setup.ref.reference, dataKey: dataKey.key, email, sms, messageIdDomain: 'belmij.test', workerId, batchSize: 7 });
    return { sender, email };
  }

  it('blocks a template that fails art. 34(2) and requires a second officer before starting', async () => {
    const setup = await setUp([person('1', 'a1@example.test', ['name'])]);
    const author = actorFor(setup.author);
    await expect(
      createCampaign(setup.deps, author, setup.ref.caseId, { brand: 'B', name: 'n', templates: { ...passingTemplates, en: { subject: 'Hello', body: 'Hello {{name}}, nothing to see.' } }, contact: 'x', organisation: 'B' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(startCampaign(setup.deps, author, setup.ref.caseId, setup.campaign.id)).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(approveCampaign(setup.deps, author, setup.ref.caseId, setup.campaign.id)).rejects.toMatchObject({ code: 'conflict' });
    const approved = await approveCampaign(setup.deps, actorFor(setup.approver), setup.ref.caseId, setup.campaign.id);
    expect(approved).toMatchObject({ state: 'approved', approvedBy: setup.approver.id });
    expect((await startCampaign(setup.deps, author, setup.ref.caseId, setup.campaign.id)).state).toBe('running');
  });

  it('tells each person exactly their own exposed data, once, even when sending runs twice', async () => {
    const people = Array.from({ length: 25 }, (_, i) => person(String(i), `p${i}@example.test`, i % 2 === 0 ? ['name', 'iban'] : ['name', 'bsn'], { language: i % 3 === 0 ? 'en' : 'nl' }));
    const setup = await setUp(people);
    await approveCampaign(setup.deps, actorFor(setup.approver), setup.ref.caseId, setup.campaign.id);
    await startCampaign(setup.deps, actorFor(setup.author), setup.ref.caseId, setup.campaign.id);
    const before = sink.received.length;

    const first = await senderFor(setup, 'w1');
    expect(await first.sender.run(() => false)).toBe(25);
    const second = await senderFor(setup, 'w2');
    expect(await second.sender.run(() => false)).toBe(0);
    await first.email.close();
    await second.email.close();
    // A repeated seed adds nobody who is already in the outbox.
    await seedOutbox(setup.deps, { ...setup.campaign, state: 'running' });

    const mine = sink.received.slice(before).filter((m) => m.messageId.startsWith(`<${setup.campaign.id}.`));
    expect(mine).toHaveLength(25);
    expect(new Set(mine.map((m) => m.messageId)).size).toBe(25);
    for (let i = 0; i < 25; i += 1) {
      const mail = mine.find((m) => m.to === `p${i}@example.test`)!;
      const english = i % 3 === 0;
      const iban = english ? 'your bank account number (IBAN)' : 'uw bankrekeningnummer (IBAN)';
      const bsn = english ? 'your citizen service number (BSN)' : 'uw burgerservicenummer (BSN)';
      expect(mail.raw).toContain(i % 2 === 0 ? iban : bsn);
      expect(mail.raw).not.toContain(i % 2 === 0 ? bsn : iban);
      expect(mail.raw).toContain(`Naam ${i},`);
      for (const other of [0, 1, 2, 3].filter((j) => j !== i)) expect(mail.raw).not.toContain(`Naam ${other},`);
      expect(mail.raw).toContain(setup.ref.reference);
    }
    const rows = await listOutboxRows(getDb().db, setup.campaign.id);
    expect(rows.every((r) => r.state === 'accepted' && r.claims === 1)).toBe(true);
    const progress = await campaignProgress(setup.deps, await getCampaign(setup.deps, actorFor(setup.author), setup.ref.caseId, setup.campaign.id));
    expect(progress).toMatchObject({ total: 25, sent: 25, pending: 0, failed: 0, claimedTwice: 0 });
  });

  it('falls back from a refused (5xx) e-mail to SMS through the gateway, and routes people over 80 to a letter', async () => {
    const texts: Array<{ to: string; text: string; reference: string }> = [];
    const gateway = http.createServer((request, response) => {
      let body = '';
      request.on('data', (c: Buffer) => (body += c.toString()));
      request.on('end', () => {
        expect(request.headers.authorization).toBe('Bearer sms-token');
        texts.push(JSON.parse(body) as { to: string; text: string; reference: string });
        response.writeHead(202, { 'content-type': 'application/json' }).end('{"status":"queued"}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', () => resolve()));
    const sms = createHttpSmsGateway({ url: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`, token: 'sms-token' });
    try {
      const setup = await setUp([person('1', 'bounce1@example.test', ['name', 'iban']), person('2', 'ok2@example.test', ['name']), person('3', 'old3@example.test', ['name'], { vulnerable: ['aged_80_plus'] })]);
      await getDb()
        .db.withTables<{ campaigns: { id: string; elderly_route: string } }>()
        .updateTable('campaigns')
        .set({ elderly_route: 'letter' })
        .where('id', '=', setup.campaign.id)
        .execute();
      await approveCampaign(setup.deps, actorFor(setup.approver), setup.ref.caseId, setup.campaign.id);
      await startCampaign(setup.deps, actorFor(setup.author), setup.ref.caseId, setup.campaign.id);
      const { sender, email } = await senderFor(setup, 'w1', sms);
      await sender.run(() => false);
      await email.close();

      const rows = await listOutboxRows(getDb().db, setup.campaign.id);
      const summary = rows.map((r) => `${r.channel}:${r.state}`).sort();
      expect(summary).toEqual(['email:accepted', 'email:fallen_back', 'letter:pending', 'sms:accepted']);
      expect(rows.find((r) => r.state === 'fallen_back')!.last_response).toMatch(/550/);
      expect(texts).toHaveLength(1);
      expect(texts[0]!.to).toBe('+31612340001');
      expect(texts[0]!.text).toContain('uw bankrekeningnummer (IBAN)');
      expect(texts[0]!.reference).toBe(`<${setup.campaign.id}.${rows.find((r) => r.channel === 'sms')!.affected_person_id}.sms@belmij.test>`);

      const old = rows.find((r) => r.channel === 'letter')!;
      const preview = await previewCampaign(setup.deps, actorFor(setup.author), setup.ref.caseId, setup.campaign.id, old.affected_person_id);
      expect(preview.channel).toBe('letter');
      expect(preview.text).toContain('Beste Naam 3,');
    } finally {
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
    }
  });

  it('without an SMS gateway, a text message falls back to a letter rather than waiting for ever', async () => {
    const setup = await setUp([person('4', 'bounce4@example.test', ['name', 'iban'])]);
    await approveCampaign(setup.deps, actorFor(setup.approver), setup.ref.caseId, setup.campaign.id);
    await startCampaign(setup.deps, actorFor(setup.author), setup.ref.caseId, setup.campaign.id);
    const { sender, email } = await senderFor(setup, 'w1', null);
    await sender.run(() => false);
    await email.close();

    const rows = await listOutboxRows(getDb().db, setup.campaign.id);
    expect(rows.map((r) => `${r.channel}:${r.state}`).sort()).toEqual(['email:fallen_back', 'letter:pending', 'sms:fallen_back']);
    expect(rows.find((r) => r.channel === 'sms')!.last_response).toMatch(/SMS gateway/);
  });
});
