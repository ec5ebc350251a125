import type { Db, DbOrTx } from '../../db/database.ts';
import { newId } from '../../shared/ids.ts';
import { decryptValue, encryptValue, getOrCreateDataKey, type KeyDeps } from '../keys/index.ts';
import type { LookupIndexTable } from '../../db/schema.ts';
import {
  countAffectedPeople,
  deleteAffectedPeopleOfCase,
  deleteAffectedPeopleOfSource,
  findAffectedByHmac,
  findAffectedPerson,
  insertAffectedPeople,
  pageAffectedPeople,
  withBulkLoadCache,
  type AffectedPersonRow,
  type AudienceCounts,
} from './affected-people.repository.ts';
import { contactSchema, type AffectedPerson, type AffectedPersonInput } from './affected-people.types.ts';
import { customerPostcodeIdentifier, deriveLookupKey, identifierHmac, type IdentifierKind } from './lookup-key.ts';

export interface CaseRef {
  orgId: string;
  caseId: string;
}

/** The lookup key of a case, for the "am I affected?" index. */
export async function lookupKeyOfCase(db: DbOrTx, deps: KeyDeps, ref: CaseRef): Promise<Buffer> {
  const dataKey = await getOrCreateDataKey(db, deps, ref.orgId, ref.caseId);
  return deriveLookupKey(dataKey.key, ref.caseId);
}

/**
 * Stores (part of) the people of one source, encrypting their contact details under the case's data key
 * and indexing their e-mail address and mobile number by keyed hash. Call it inside the transaction that
 * records the source, in batches for large lists.
 */
export async function storeAffectedPeople(db: DbOrTx, deps: KeyDeps, ref: CaseRef & { sourceId: string }, people: AffectedPersonInput[]): Promise<number> {
  const dataKey = await getOrCreateDataKey(db, deps, ref.orgId, ref.caseId);
  const lookupKey = deriveLookupKey(dataKey.key, ref.caseId);
  const now = deps.clock.now().toISOString();
  const rows: AffectedPersonRow[] = [];
  const index: LookupIndexTable[] = [];
  for (const person of people) {
    const id = newId();
    rows.push({
      id,
      org_id: ref.orgId,
      case_id: ref.caseId,
      source_id: ref.sourceId,
      person_key: person.personKey,
      set_kind: person.set,
      language: person.language,
      brands: JSON.stringify(person.brands),
      categories: JSON.stringify(person.categories),
      special_categories: JSON.stringify(person.specialCategories),
      vulnerable: JSON.stringify(person.vulnerable),
      records: person.records,
      has_email: person.contact.email ? 1 : 0,
      has_mobile: person.contact.mobile ? 1 : 0,
      has_address: person.contact.address ? 1 : 0,
      contact_enc: encryptValue(dataKey.key, JSON.stringify(person.contact)),
      created_at: now,
    });
    if (person.contact.email) index.push({ case_id: ref.caseId, identifier_hmac: identifierHmac(lookupKey, 'email', person.contact.email), affected_person_id: id });
    if (person.contact.mobile) index.push({ case_id: ref.caseId, identifier_hmac: identifierHmac(lookupKey, 'phone', person.contact.mobile), affected_person_id: id });
    const customer = customerPostcodeIdentifier(person.contact.customerNumber, person.contact.postcode);
    if (customer) index.push({ case_id: ref.caseId, identifier_hmac: identifierHmac(lookupKey, 'customer_postcode', customer), affected_person_id: id });
  }
  await insertAffectedPeople(db, rows, index);
  return rows.length;
}

/**
 * Loads a long list of people (millions) in transactions of `batchSize`, each encrypted and indexed as by
 * storeAffectedPeople; reports progress after every batch. The list may be produced lazily.
 */
export async function bulkLoadAffectedPeople(
  db: Db,
  deps: KeyDeps,
  ref: CaseRef & { sourceId: string },
  people: Iterable<AffectedPersonInput> | AsyncIterable<AffectedPersonInput>,
  options: { batchSize?: number; onProgress?: (loaded: number) => void } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 50_000;
  let loaded = 0;
  await withBulkLoadCache(db, async () => {
    let batch: AffectedPersonInput[] = [];
    const write = async () => {
      const rows = batch;
      batch = [];
      loaded += await db.transaction().execute((tx) => storeAffectedPeople(tx, deps, ref, rows));
      options.onProgress?.(loaded);
    };
    for await (const person of people) {
      batch.push(person);
      if (batch.length >= batchSize) await write();
    }
    if (batch.length > 0) await write();
  });
  return loaded;
}

function toPerson(row: AffectedPersonRow, dataKey: Buffer): AffectedPerson {
  return {
    id: row.id,
    caseId: row.case_id,
    sourceId: row.source_id,
    personKey: row.person_key,
    set: row.set_kind,
    language: row.language,
    brands: JSON.parse(row.brands) as string[],
    categories: JSON.parse(row.categories) as string[],
    specialCategories: JSON.parse(row.special_categories) as string[],
    vulnerable: JSON.parse(row.vulnerable) as string[],
    records: Number(row.records),
    contact: contactSchema.parse(JSON.parse(decryptValue(dataKey, row.contact_enc))),
  };
}

/** One page of a case's people with their contact details decrypted; callers audit what they show. */
export async function readAffectedPeople(db: DbOrTx, deps: KeyDeps, ref: CaseRef, options: { afterId?: string; limit: number; sourceId?: string }): Promise<AffectedPerson[]> {
  const rows = await pageAffectedPeople(db, ref.orgId, ref.caseId, options);
  if (rows.length === 0) return [];
  const dataKey = await getOrCreateDataKey(db, deps, ref.orgId, ref.caseId);
  return rows.map((row) => toPerson(row, dataKey.key));
}

export async function readAffectedPerson(db: DbOrTx, deps: KeyDeps, ref: CaseRef, id: string): Promise<AffectedPerson | null> {
  const row = await findAffectedPerson(db, ref.orgId, id);
  if (!row || row.case_id !== ref.caseId) return null;
  const dataKey = await getOrCreateDataKey(db, deps, ref.orgId, ref.caseId);
  return toPerson(row, dataKey.key);
}

/** The people of a case that a normalised identifier belongs to (none, one, or a household's several). */
export async function findAffectedByIdentifier(db: DbOrTx, deps: KeyDeps, ref: CaseRef, identifiers: Array<{ kind: IdentifierKind; value: string }>): Promise<AffectedPerson[]> {
  const dataKey = await getOrCreateDataKey(db, deps, ref.orgId, ref.caseId);
  const lookupKey = deriveLookupKey(dataKey.key, ref.caseId);
  const rows = await findAffectedByHmac(db, ref.caseId, identifiers.map((i) => identifierHmac(lookupKey, i.kind, i.value)));
  return rows.filter((row) => row.org_id === ref.orgId).map((row) => toPerson(row, dataKey.key));
}

export async function replaceAffectedPeopleOfSource(db: DbOrTx, ref: CaseRef & { sourceId: string }): Promise<void> {
  await deleteAffectedPeopleOfSource(db, ref.caseId, ref.sourceId);
}

export async function purgeAffectedPeopleOfCase(db: DbOrTx, caseId: string): Promise<number> {
  return deleteAffectedPeopleOfCase(db, caseId);
}

export async function countAudience(db: DbOrTx, ref: CaseRef): Promise<AudienceCounts> {
  return countAffectedPeople(db, ref.orgId, ref.caseId);
}
