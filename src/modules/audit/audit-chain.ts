import { createHash } from 'node:crypto';

/** The fields an audit entry's hash covers; changing any of them breaks the chain from that entry on. */
export interface ChainedFields {
  seq: number;
  org_id: string | null;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  details: string;
  created_at: string;
  case_id?: string | null;
}

export interface ChainedEntry extends ChainedFields {
  prev_hash: string;
  hash: string;
}

export const genesisHash = '0'.repeat(64);

export function hashEntry(prevHash: string, fields: ChainedFields): string {
  const canonical = JSON.stringify([
    fields.seq,
    fields.org_id,
    fields.actor_user_id,
    fields.actor_label,
    fields.action,
    fields.subject_type,
    fields.subject_id,
    fields.details,
    fields.created_at,
    // Appended only when set, so entries written before cases existed keep their hashes.
    ...(fields.case_id ? [fields.case_id] : []),
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export type ChainVerdict = { ok: true; entries: number } | { ok: false; entries: number; brokenAtSeq: number; reason: string };

/**
 * Checks entries given in storage order. A deleted entry shows as a gap in the sequence or a link that
 * no longer matches; a changed entry as a hash that no longer matches its contents; a reordered one as a
 * link to the wrong predecessor.
 */
export function verifyChain(entries: Iterable<ChainedEntry>): ChainVerdict {
  let previousHash = genesisHash;
  let expectedSeq = 1;
  let count = 0;
  for (const entry of entries) {
    count += 1;
    if (entry.seq !== expectedSeq) {
      return { ok: false, entries: count, brokenAtSeq: entry.seq, reason: `expected entry ${expectedSeq} but found ${entry.seq}: an entry is missing or out of order` };
    }
    if (entry.prev_hash !== previousHash) {
      return { ok: false, entries: count, brokenAtSeq: entry.seq, reason: 'its link does not match the previous entry: an entry before it was removed, changed or moved' };
    }
    if (hashEntry(entry.prev_hash, entry) !== entry.hash) {
      return { ok: false, entries: count, brokenAtSeq: entry.seq, reason: 'its contents do not match its hash: the entry was changed' };
    }
    previousHash = entry.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries: count };
}
