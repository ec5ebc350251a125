import type { Config } from '../../config/config.ts';
import type { Tx } from '../../db/database.ts';
import { fileStorageFor } from '../files/index.ts';
import { purgeAffectedPeopleOfCase } from '../affected-people/index.ts';
import { deleteDataKeysOfCase } from '../keys/index.ts';
import { clearReporterContacts, deleteAnalysesOfCase, deleteLookupThrottleOfCase, deleteFileRows, deleteOutboxRowsOfCase, findStoredFilesOfCase } from './retention.repository.ts';

export interface PurgeTarget {
  orgId: string;
  caseId: string;
}

export interface PurgeStepContext {
  config: Config;
  /** Work to do only after the transaction committed (removing files from disk). */
  afterCommit(task: () => Promise<void>): void;
}

/**
 * One module's share of purging a case: it removes or blanks that module's personal data and answers how
 * many items it touched. Steps run in order inside one transaction per case; a module that stores personal
 * data about a case (affected people, uploaded datasets) adds its step before the data keys are shredded.
 */
export interface PurgeStep {
  name: string;
  run(tx: Tx, target: PurgeTarget, ctx: PurgeStepContext): Promise<number>;
}

/** Before the files: an analysis row references its dataset's file row. */
export const analysesStep: PurgeStep = {
  name: 'analyses',
  run: (tx, target) => deleteAnalysesOfCase(tx, target.orgId, target.caseId),
};

export const caseFilesStep: PurgeStep = {
  name: 'files',
  async run(tx, target, ctx) {
    const files = await findStoredFilesOfCase(tx, target.orgId, target.caseId);
    const removed = await deleteFileRows(
      tx,
      files.map((f) => f.id),
    );
    ctx.afterCommit(async () => {
      for (const file of files) await fileStorageFor(ctx.config).remove(file.storage_key);
    });
    return removed;
  },
};

export const reporterContactsStep: PurgeStep = {
  name: 'reporterContacts',
  run: (tx, target) => clearReporterContacts(tx, target.orgId, target.caseId),
};

/** Outbox rows name a person and point at their row, so they leave before the affected people do. */
export const outboxStep: PurgeStep = {
  name: 'outbox',
  run: (tx, target) => deleteOutboxRowsOfCase(tx, target.orgId, target.caseId),
};

/**
 * Their contact details are encrypted under the case key that dataKeysStep shreds, but the rows also carry
 * categories, vulnerability flags and keyed identifier hashes of real people (the lookup index, and the
 * lookup throttle's hashes of whoever asked): those go as well. The counts the register needs live in the
 * case facts.
 */
export const affectedPeopleStep: PurgeStep = {
  name: 'affectedPeople',
  async run(tx, target) {
    await deleteLookupThrottleOfCase(tx, target.caseId);
    return purgeAffectedPeopleOfCase(tx, target.caseId);
  },
};

/**
 * Crypto-shredding: without its data key, whatever is still encrypted under it anywhere (a file a disk
 * removal missed, an old backup of the database) can no longer be read. Always the last step.
 */
export const dataKeysStep: PurgeStep = {
  name: 'dataKeys',
  run: (tx, target) => deleteDataKeysOfCase(tx, target.orgId, target.caseId),
};

/** Every purge step, in order. */
export const purgeSteps: readonly PurgeStep[] = [analysesStep, caseFilesStep, reporterContactsStep, outboxStep, affectedPeopleStep, dataKeysStep];
