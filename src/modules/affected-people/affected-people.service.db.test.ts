import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildOrganisation } from '../../../test/factories.ts';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { loadConfig } from '../../config/config.ts';
import { newId } from '../../shared/ids.ts';
import { systemClock } from '../../shared/time.ts';
import type { AffectedPersonInput } from './affected-people.types.ts';
import {
  bulkLoadAffectedPeople,
  countAudience,
  findAffectedByIdentifier,
  purgeAffectedPeopleOfCase,
  readAffectedPeople,
  storeAffectedPeople,
} from './affected-people.service.ts';
import { customerPostcodeIdentifier } from './lookup-key.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-affected-'));
const deps = { config: loadConfig({ DATA_DIR: dataDir }), clock: systemClock };
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function person(key: string, contact: Partial<AffectedPersonInput['contact']>, categories: string[] = ['name', 'email']): AffectedPersonInput {
  return {
    personKey: key,
    set: 'confirmed',
    language: 'nl',
    brands: ['Belmij'],
    categories,
    specialCategories: [],
    vulnerable: [],
    records: 1,
    contact: { email: null, mobile: null, address: null, name: null, ...contact },
  };
}

describeOnDatabases('affected people', (getDb) => {
  async function seedCase() {
    const { db } = getDb();
    const org = await buildOrganisation(db);
    const caseId = newId();
    const now = new Date().toISOString();
    await db.insertInto('cases').values({ id: caseId, org_id: org.id, reference: `BD-T-${caseId.slice(-8)}`, title: 't', summary: '', state: 'investigating', owner_user_id: null, aware_at: now, created_at: now, updated_at: now }).execute();
    return { orgId: org.id, caseId };
  }

  it('stores contact details only encrypted and finds people by keyed hash of their identifiers', async () => {
    const { db } = getDb();
    const ref = await seedCase();
    await storeAffectedPeople(db, deps, { ...ref, sourceId: 'analysis-1' }, [
      person('P1', { email: 'jan.jansen@example.nl', mobile: '+31612345678', name: 'Jan Jansen' }, ['name', 'email', 'iban']),
      person('P2', { email: 'familie@example.nl', name: 'Piet' }),
      person('P3', { email: 'familie@example.nl', name: 'Marie' }),
    ]);
    const raw = JSON.stringify(await db.selectFrom('affected_people').selectAll().execute()) + JSON.stringify(await db.selectFrom('lookup_index').selectAll().execute());
    expect(raw).not.toContain('jan.jansen');
    expect(raw).not.toContain('612345678');
    expect(raw).not.toContain('Jansen');

    const byPhone = await findAffectedByIdentifier(db, deps, ref, [{ kind: 'phone', value: '+31612345678' }]);
    expect(byPhone.map((p) => p.personKey)).toEqual(['P1']);
    expect(byPhone[0]!.categories).toEqual(['name', 'email', 'iban']);
    expect(byPhone[0]!.contact.name).toBe('Jan Jansen');
    const household = await findAffectedByIdentifier(db, deps, ref, [{ kind: 'email', value: 'familie@example.nl' }]);
    expect(household.map((p) => p.personKey).sort()).toEqual(['P2', 'P3']);
    expect(await findAffectedByIdentifier(db, deps, ref, [{ kind: 'email', value: 'nobody@example.nl' }])).toEqual([]);
    // The same address under another case's key does not match.
    const other = await seedCase();
    expect(await findAffectedByIdentifier(db, deps, other, [{ kind: 'phone', value: '+31612345678' }])).toEqual([]);

    expect(await countAudience(db, ref)).toEqual({ persons: 3, withEmail: 3, withMobile: 1, withAddress: 0 });
    const page = await readAffectedPeople(db, deps, ref, { limit: 2 });
    const rest = await readAffectedPeople(db, deps, ref, { limit: 2, afterId: page[1]!.id });
    expect([...page, ...rest].map((p) => p.personKey).sort()).toEqual(['P1', 'P2', 'P3']);
  });

  it('bulk-loads people in batches, each encrypted and indexed by e-mail, mobile and customer number with postcode', async () => {
    const { db } = getDb();
    const ref = await seedCase();
    function* people() {
      for (let i = 0; i < 2_500; i++) {
        yield person(`B${i}`, { email: `klant${i}@example.nl`, mobile: `+3161${String(i).padStart(7, '0')}`, customerNumber: `KL${100_000 + i}`, postcode: '1234 AB' });
      }
    }
    const progress: number[] = [];
    const loaded = await bulkLoadAffectedPeople(db, deps, { ...ref, sourceId: 'bulk' }, people(), { batchSize: 1_000, onProgress: (n) => progress.push(n) });
    expect(loaded).toBe(2_500);
    expect(progress).toEqual([1_000, 2_000, 2_500]);
    expect((await countAudience(db, ref)).persons).toBe(2_500);
    expect(await db.selectFrom('lookup_index').select('identifier_hmac').where('case_id', '=', ref.caseId).execute()).toHaveLength(7_500);
    const raw = JSON.stringify(await db.selectFrom('affected_people').select('contact_enc').where('case_id', '=', ref.caseId).limit(5).execute());
    expect(raw).not.toContain('KL100000');

    const byCustomer = await findAffectedByIdentifier(db, deps, ref, [{ kind: 'customer_postcode', value: customerPostcodeIdentifier('kl101234', '1234ab')! }]);
    expect(byCustomer.map((p) => p.personKey)).toEqual(['B1234']);
    expect(byCustomer[0]!.contact.email).toBe('klant1234@example.nl');
    expect(await findAffectedByIdentifier(db, deps, ref, [{ kind: 'customer_postcode', value: customerPostcodeIdentifier('KL101234', '4321 AB')! }])).toEqual([]);
    expect((await findAffectedByIdentifier(db, deps, ref, [{ kind: 'phone', value: '+31610002499' }])).map((p) => p.personKey)).toEqual(['B2499']);
  });

  it('purges a case’s people and its lookup index', async () => {
    const { db } = getDb();
    const ref = await seedCase();
    await storeAffectedPeople(db, deps, { ...ref, sourceId: 's' }, [person('P1', { email: 'a@example.nl' })]);
    expect(await purgeAffectedPeopleOfCase(db, ref.caseId)).toBe(1);
    expect(await db.selectFrom('lookup_index').selectAll().where('case_id', '=', ref.caseId).execute()).toEqual([]);
    expect((await countAudience(db, ref)).persons).toBe(0);
  });
});
