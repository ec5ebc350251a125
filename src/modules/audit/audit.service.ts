import type { Db, DbOrTx, Tx } from '../../db/database.ts';
import type { Actor } from '../../http/actor.ts';
import { newId } from '../../shared/ids.ts';
import type { Clock } from '../../shared/time.ts';
import { genesisHash, hashEntry, verifyChain, type ChainVerdict, type ChainedEntry } from './audit-chain.ts';
import { findLastEvent, insertEvent, listEventsOfOrg, lockChain, streamChain } from './audit.repository.ts';

export interface AuditInput {
  orgId: string | null;
  /** The signed-in actor, or a label for the system, the command line or the public. */
  actor: Actor | { label: string };
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** The case the change belongs to: the entry then shows on that case's timeline. */
  caseId?: string | null;
  /** Facts about the change; never personal data of affected people (ids and counts only). */
  details?: Record<string, unknown>;
}

/**
 * Appends one entry to the hash chain. Call it inside the transaction that makes the change, so that the
 * change and its record commit or roll back together. There is deliberately no update or delete.
 */
export async function recordAuditEvent(tx: Tx, clock: Clock, input: AuditInput): Promise<void> {
  await lockChain(tx);
  const last = await findLastEvent(tx);
  const isUser = 'userId' in input.actor;
  const fields = {
    seq: last ? Number(last.seq) + 1 : 1,
    org_id: input.orgId,
    actor_user_id: isUser ? (input.actor as Actor).userId : null,
    actor_label: isUser ? `user:${(input.actor as Actor).userId}` : (input.actor as { label: string }).label,
    action: input.action,
    subject_type: input.subjectType,
    subject_id: input.subjectId,
    details: JSON.stringify(input.details ?? {}),
    created_at: clock.now().toISOString(),
    case_id: input.caseId ?? null,
  };
  const prevHash = last?.hash ?? genesisHash;
  await insertEvent(tx, { id: newId(), ...fields, prev_hash: prevHash, hash: hashEntry(prevHash, fields) });
}

export interface AuditEntryView {
  seq: number;
  action: string;
  subjectType: string;
  subjectId: string | null;
  actorLabel: string;
  details: Record<string, unknown>;
  createdAt: string;
}

export async function listAuditEvents(db: DbOrTx, orgId: string, options: { limit: number; beforeSeq?: number }): Promise<AuditEntryView[]> {
  const rows = await listEventsOfOrg(db, orgId, options);
  return rows.map((row) => ({
    seq: Number(row.seq),
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    actorLabel: row.actor_label,
    details: JSON.parse(row.details) as Record<string, unknown>,
    createdAt: row.created_at,
  }));
}

export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  const entries: ChainedEntry[] = [];
  for await (const row of streamChain(db)) entries.push(row);
  return verifyChain(entries);
}
