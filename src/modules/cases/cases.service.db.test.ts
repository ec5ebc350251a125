import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { buildUser } from '../../../test/factories.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/time.ts';
import { listAuditEvents } from '../audit/index.ts';
import { createOrganisation } from '../organisations/index.ts';
import { createCase, getCase, listCases } from './cases.service.ts';

const fixedClock: Clock = { now: () => new Date('2026-03-01T10:00:00.000Z') };
const cli = { label: 'cli' };

function actorOf(orgId: string): Actor {
  return { userId: 'u-1', orgId, role: 'privacy_officer', processorOrgId: null, locale: 'nl', displayName: 'Test', sessionId: null };
}

describeOnDatabases('cases (read API and creation)', (getDb) => {
  const deps = () => ({ db: getDb().db, clock: fixedClock });

  it('numbers references per year across organisations and audits each new case', async () => {
    const a = await createOrganisation(deps(), { name: 'Cases A', sector: 'telecom' }, cli);
    const b = await createOrganisation(deps(), { name: 'Cases B', sector: 'energy' }, cli);
    const first = await createCase(deps(), a.id, { title: 'First' }, cli);
    const second = await createCase(deps(), b.id, { title: 'Second', state: 'open' }, cli);
    const third = await createCase(deps(), a.id, { title: 'Third' }, cli);
    expect([first.reference, second.reference, third.reference]).toEqual(['BD-2026-0001', 'BD-2026-0002', 'BD-2026-0003']);
    expect(first).toMatchObject({ state: 'triage', awareAt: null, summary: '', owner: null });
    // Names from before the lifecycle was settled still open a case, in the state they meant.
    expect(second.state).toBe('investigating');

    expect((await listCases(deps(), actorOf(a.id))).map((c) => c.title).sort()).toEqual(['First', 'Third']);
    expect((await listCases(deps(), actorOf(b.id))).map((c) => c.title)).toEqual(['Second']);
    await expect(getCase(deps(), actorOf(b.id), first.id)).rejects.toMatchObject({ code: 'not_found' });

    const created = (await listAuditEvents(getDb().db, a.id, { limit: 10 })).filter((e) => e.action === 'case.created');
    expect(created.map((e) => e.subjectId).sort()).toEqual([first.id, third.id].sort());
  });

  it('gives cases opened at the same moment distinct references', async () => {
    const org = await createOrganisation(deps(), { name: 'Cases D', sector: 'public' }, cli);
    const opened = await Promise.all(Array.from({ length: 6 }, (_, i) => createCase(deps(), org.id, { title: `Parallel ${i}` }, cli)));
    expect(new Set(opened.map((c) => c.reference)).size).toBe(6);
    const entries = (await listAuditEvents(getDb().db, org.id, { limit: 20 })).filter((e) => e.action === 'case.created');
    expect(entries).toHaveLength(6);
  });

  it('gives a case opened by code an owner of its organisation only', async () => {
    const db = getDb().db;
    const org = await createOrganisation(deps(), { name: 'Cases E', sector: 'other' }, cli);
    const other = await createOrganisation(deps(), { name: 'Cases F', sector: 'other' }, cli);
    const owner = await buildUser(db, { org_id: org.id, display_name: 'Owner Olga' });
    const stranger = await buildUser(db, { org_id: other.id });
    const owned = await createCase(deps(), org.id, { title: 'Owned', ownerUserId: owner.id }, cli);
    expect(owned.owner).toEqual({ id: owner.id, name: 'Owner Olga' });
    const error = await createCase(deps(), org.id, { title: 'Foreign owner', ownerUserId: stranger.id }, cli).catch((e: unknown) => e);
    expect((error as AppError).issues.map((i) => i.field)).toEqual(['ownerUserId']);
  });

  it('rejects an unknown state and an empty title', async () => {
    const org = await createOrganisation(deps(), { name: 'Cases C', sector: 'other' }, cli);
    const error = await createCase(deps(), org.id, { title: ' ', state: 'lost' as never }, cli).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues.map((i) => i.field).sort()).toEqual(['state', 'title']);
  });
});
