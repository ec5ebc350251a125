import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import type { Actor, Role } from '../../http/actor.ts';
import { AppError } from '../../shared/app-error.ts';
import { systemClock } from '../../shared/time.ts';
import { listAuditEvents, verifyAuditChain } from '../audit/index.ts';
import {
  addBrand,
  addProcessor,
  createOrganisation,
  findControllersByName,
  getOrganisation,
  listOrganisations,
  removeBrand,
  updateOrganisation,
} from './organisations.service.ts';

function actorOf(orgId: string, role: Role = 'admin', processorOrgId: string | null = null): Actor {
  return { userId: `user-${role}-${orgId.slice(-4)}`, orgId, role, processorOrgId, locale: 'en', displayName: 'Test', sessionId: null };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describeOnDatabases('organisations', (getDb) => {
  const deps = () => ({ db: getDb().db, clock: systemClock });
  const cli = { label: 'cli' };

  it('creates a controller organisation with its brands and sector profile, audited', async () => {
    const org = await createOrganisation(deps(), { name: 'Telco Test B.V.', sector: 'telecom', nis2: 'essential', brands: ['Belmij', 'Zakelijk'] }, cli);
    expect(org).toMatchObject({ name: 'Telco Test B.V.', sector: 'telecom', nis2: 'essential', timeZone: 'Europe/Amsterdam', defaultLocale: 'nl', processors: [] });
    expect(org.brands.map((b) => b.name)).toEqual(['Belmij', 'Zakelijk']);
    const events = await listAuditEvents(getDb().db, org.id, { limit: 10 });
    expect(events.map((e) => e.action).sort()).toEqual(['brand.added', 'brand.added', 'organisation.created']);
    expect(events.every((e) => e.actorLabel === 'cli')).toBe(true);
    expect(await findControllersByName(deps(), 'Telco Test B.V.')).toEqual([{ id: org.id, name: 'Telco Test B.V.' }]);
  });

  it('rejects an unknown sector and a repeated brand without writing anything', async () => {
    const before = (await listOrganisations(deps())).length;
    const badSector = await rejection(createOrganisation(deps(), { name: 'X', sector: 'mining' as never }, cli));
    expect(badSector.code).toBe('validation_failed');
    expect(badSector.issues.map((i) => i.field)).toEqual(['sector']);
    const repeated = await rejection(createOrganisation(deps(), { name: 'Y', sector: 'retail', brands: ['Shop', ' shop '] }, cli));
    expect(repeated.issues).toEqual([{ field: 'brands.1', message: 'repeats an earlier brand name' }]);
    const badZone = await rejection(createOrganisation(deps(), { name: 'Z', sector: 'retail', timeZone: 'Mars/Olympus' }, cli));
    expect(badZone.issues.map((i) => i.field)).toEqual(['timeZone']);
    expect((await listOrganisations(deps())).length).toBe(before);
  });

  it('adds a brand and rejects a duplicate name with a field error, case-insensitively', async () => {
    const org = await createOrganisation(deps(), { name: 'Brand Test N.V.', sector: 'retail', brands: ['Alpha'] }, cli);
    const admin = actorOf(org.id);
    const beta = await addBrand(deps(), admin, { name: 'Beta' });
    expect(beta.name).toBe('Beta');
    const duplicate = await rejection(addBrand(deps(), admin, { name: 'ALPHA' }));
    expect(duplicate.code).toBe('validation_failed');
    expect(duplicate.issues).toEqual([{ field: 'name', message: 'a brand with this name already exists' }]);
    expect((await getOrganisation(deps(), admin)).brands.map((b) => b.name)).toEqual(['Alpha', 'Beta']);

    await removeBrand(deps(), admin, beta.id);
    expect((await getOrganisation(deps(), admin)).brands.map((b) => b.name)).toEqual(['Alpha']);
    const actions = (await listAuditEvents(getDb().db, org.id, { limit: 10 })).map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['brand.removed', 'brand.added']);
  });

  it('links a processor with its report deadline and contact, audited', async () => {
    const org = await createOrganisation(deps(), { name: 'Processor Test B.V.', sector: 'energy', nis2: 'important', timeZone: 'Europe/Brussels' }, cli);
    const admin = actorOf(org.id);
    const entry = await addProcessor(deps(), admin, { name: 'Callcenter B.V.', contactEmail: 'security@callcenter.example' });
    expect(entry).toMatchObject({ name: 'Callcenter B.V.', reportDeadlineHours: 24, contactEmail: 'security@callcenter.example' });
    const second = await addProcessor(deps(), admin, { name: 'Hosting B.V.', reportDeadlineHours: 12 });
    expect(second.contactEmail).toBeNull();
    const view = await getOrganisation(deps(), admin);
    expect(view.processors).toEqual([entry, second]);
    const repeated = await rejection(addProcessor(deps(), admin, { name: 'callcenter b.v.' }));
    expect(repeated.issues.map((i) => i.field)).toEqual(['name']);
    const tooLong = await rejection(addProcessor(deps(), admin, { name: 'Slow B.V.', reportDeadlineHours: 721 }));
    expect(tooLong.issues.map((i) => i.field)).toEqual(['reportDeadlineHours']);

    const processorOrg = (await listOrganisations(deps())).find((o) => o.id === entry.orgId);
    expect(processorOrg).toMatchObject({ kind: 'processor', name: 'Callcenter B.V.' });
    const linked = (await listAuditEvents(getDb().db, org.id, { limit: 10 })).filter((e) => e.action === 'processor.linked');
    expect(linked.map((e) => e.subjectId).sort()).toEqual([entry.linkId, second.linkId].sort());
  });

  it('lets only an admin change the organisation, and audits which fields changed', async () => {
    const org = await createOrganisation(deps(), { name: 'Change Test B.V.', sector: 'other' }, cli);
    for (const role of ['privacy_officer', 'security_analyst', 'staff_reporter', 'auditor'] as const) {
      const denied = await rejection(updateOrganisation(deps(), actorOf(org.id, role), { sector: 'health' }));
      expect(denied.code).toBe('not_found');
      expect((await rejection(addBrand(deps(), actorOf(org.id, role), { name: 'Nope' }))).code).toBe('not_found');
    }
    const updated = await updateOrganisation(deps(), actorOf(org.id), { sector: 'health', nis2: 'important', defaultLocale: 'en' });
    expect(updated).toMatchObject({ sector: 'health', nis2: 'important', defaultLocale: 'en', name: 'Change Test B.V.' });
    const [last] = await listAuditEvents(getDb().db, org.id, { limit: 1 });
    expect(last).toMatchObject({ action: 'organisation.updated', details: { fields: ['sector', 'nis2', 'default_locale'] } });
    // A change to nothing writes nothing.
    await updateOrganisation(deps(), actorOf(org.id), { sector: 'health' });
    expect((await listAuditEvents(getDb().db, org.id, { limit: 1 }))[0]?.seq).toBe(last?.seq);
  });

  it('keeps organisations apart: another org neither sees nor removes their brands', async () => {
    const a = await createOrganisation(deps(), { name: 'Isolation A', sector: 'finance', brands: ['A-brand'] }, cli);
    const b = await createOrganisation(deps(), { name: 'Isolation B', sector: 'finance' }, cli);
    const viewB = await getOrganisation(deps(), actorOf(b.id, 'staff_reporter'));
    expect(viewB.brands).toEqual([]);
    const brandOfA = a.brands[0]!;
    expect((await rejection(removeBrand(deps(), actorOf(b.id), brandOfA.id))).code).toBe('not_found');
    expect((await getOrganisation(deps(), actorOf(a.id, 'auditor'))).brands).toEqual([brandOfA]);
  });

  it("shows a processor's account only its own organisation's name", async () => {
    const controller = await createOrganisation(deps(), { name: 'Controller C', sector: 'telecom', brands: ['Secret brand'] }, cli);
    const link = await addProcessor(deps(), actorOf(controller.id), { name: 'Vendor V' });
    const view = await getOrganisation(deps(), actorOf(controller.id, 'processor', link.orgId));
    expect(view).toMatchObject({ id: link.orgId, name: 'Vendor V', brands: [], processors: [] });
    const orphan = await rejection(getOrganisation(deps(), actorOf(controller.id, 'processor', null)));
    expect(orphan.code).toBe('not_found');
  });

  it('leaves an intact audit chain behind', async () => {
    expect(await verifyAuditChain(getDb().db)).toMatchObject({ ok: true });
  });
});
