import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { systemClock } from '../../shared/time.ts';
import { listAuditEvents, recordAuditEvent, verifyAuditChain } from './audit.service.ts';

describeOnDatabases('audit log', (getDb) => {
  it('appends linked entries in the same transaction as the change and verifies them', async () => {
    const { db } = getDb();
    await db.transaction().execute(async (tx) => {
      await recordAuditEvent(tx, systemClock, { orgId: 'org-a', actor: { label: 'cli' }, action: 'org.created', subjectType: 'organisation', subjectId: 'org-a' });
      await recordAuditEvent(tx, systemClock, { orgId: 'org-a', actor: { label: 'cli' }, action: 'brand.added', subjectType: 'brand', subjectId: 'b-1', details: { count: 1 } });
    });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 2 });
    const events = await listAuditEvents(db, 'org-a', { limit: 10 });
    expect(events.map((e) => e.action)).toEqual(['brand.added', 'org.created']);
    expect(await listAuditEvents(db, 'org-b', { limit: 10 })).toEqual([]);
  });

  it('keeps nothing of a rolled-back transaction', async () => {
    const { db } = getDb();
    const before = await listAuditEvents(db, 'org-a', { limit: 100 });
    await expect(
      db.transaction().execute(async (tx) => {
        await recordAuditEvent(tx, systemClock, { orgId: 'org-a', actor: { label: 'cli' }, action: 'doomed', subjectType: 'x', subjectId: null });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await listAuditEvents(db, 'org-a', { limit: 100 })).toEqual(before);
  });

  it('serialises concurrent writers into one unbroken chain', async () => {
    const { db } = getDb();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction().execute((tx) => recordAuditEvent(tx, systemClock, { orgId: 'org-c', actor: { label: 'cli' }, action: `parallel.${i}`, subjectType: 'x', subjectId: null })),
      ),
    );
    const verdict = await verifyAuditChain(db);
    expect(verdict.ok).toBe(true);
  });

  it('detects an entry changed directly in the database', async () => {
    const { db } = getDb();
    await sql`update audit_events set action = 'tampered' where seq = 2`.execute(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtSeq: 2 });
  });
});
