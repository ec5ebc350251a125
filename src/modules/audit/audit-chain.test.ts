import { describe, expect, it } from 'vitest';
import { genesisHash, hashEntry, verifyChain, type ChainedEntry } from './audit-chain.ts';

function buildChain(count: number): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let prev = genesisHash;
  for (let seq = 1; seq <= count; seq += 1) {
    const fields = {
      seq,
      org_id: 'org-1',
      actor_user_id: null,
      actor_label: 'system',
      action: `action.${seq}`,
      subject_type: 'case',
      subject_id: `case-${seq}`,
      details: JSON.stringify({ n: seq }),
      created_at: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(),
    };
    const hash = hashEntry(prev, fields);
    entries.push({ ...fields, prev_hash: prev, hash });
    prev = hash;
  }
  return entries;
}

describe('verifyChain', () => {
  it('accepts an intact chain and an empty one', () => {
    expect(verifyChain(buildChain(5))).toEqual({ ok: true, entries: 5 });
    expect(verifyChain([])).toEqual({ ok: true, entries: 0 });
  });

  it('names the first entry after a deleted one', () => {
    const chain = buildChain(5);
    chain.splice(2, 1);
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAtSeq: 4 });
  });

  it('names a changed entry', () => {
    const chain = buildChain(5);
    chain[1] = { ...chain[1]!, details: JSON.stringify({ n: 99 }) };
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAtSeq: 2, reason: expect.stringContaining('changed') });
  });

  it('finds a changed entry whose hash was recomputed, at the entry after it', () => {
    const chain = buildChain(5);
    const forged = { ...chain[1]!, action: 'forged' };
    forged.hash = hashEntry(forged.prev_hash, forged);
    chain[1] = forged;
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAtSeq: 3 });
  });

  it('finds reordered entries even when their numbers were swapped back', () => {
    const chain = buildChain(5);
    const a = chain[1]!;
    const b = chain[2]!;
    chain[1] = { ...b, seq: 2 };
    chain[2] = { ...a, seq: 3 };
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAtSeq: 2 });
  });

  it('finds the last entry removed only when a later one refers to it; a truncated tail is caught by the count', () => {
    const chain = buildChain(3);
    expect(verifyChain(chain.slice(0, 2))).toEqual({ ok: true, entries: 2 });
  });
});
