import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { applyBounce, parseDsn } from '../modules/notifications/index.ts';
import { isAppError } from '../shared/app-error.ts';
import { systemClock } from '../shared/time.ts';

type Write = (text: string) => void;

export interface ImportSummary {
  files: number;
  notices: number;
  changed: number;
  /** Files that held no delivery status notification, or notices for messages Breachdesk does not know. */
  skipped: string[];
}

/**
 * Feeds bounce e-mails (RFC 3464 reports, one .eml file each) into the outbox exactly as `POST /api/bounces`
 * would, one line per notice; a file read twice changes nothing the second time.
 */
export async function importBounceFiles(deps: Parameters<typeof applyBounce>[0], files: readonly string[], write: Write): Promise<ImportSummary> {
  const summary: ImportSummary = { files: files.length, notices: 0, changed: 0, skipped: [] };
  for (const file of files) {
    const notices = parseDsn(fs.readFileSync(file, 'utf8'));
    if (notices.length === 0) {
      summary.skipped.push(`${file}: not a delivery status notification`);
      continue;
    }
    for (const notice of notices) {
      summary.notices += 1;
      try {
        const result = await applyBounce(deps, { orgId: null, auditActor: { label: 'cli:bounces-import' } }, notice);
        if (result.outcome !== 'unchanged') summary.changed += 1;
        write(`${file}: ${notice.status} ${result.reference} ${result.outcome}${result.fallbackChannel ? ` -> ${result.fallbackChannel}` : ''}\n`);
      } catch (error) {
        if (!isAppError(error)) throw error;
        summary.skipped.push(`${file}: ${error.message}`);
      }
    }
  }
  for (const line of summary.skipped) write(`skipped ${line}\n`);
  write(`${summary.files} file(s), ${summary.notices} notice(s), ${summary.changed} changed, ${summary.skipped.length} skipped\n`);
  return summary;
}

export function registerBouncesCommand(program: Command, write: Write = (t) => process.stdout.write(t)): void {
  const bounces = program.command('bounces').description('Bounce notices of campaign messages.');
  bounces
    .command('import')
    .description('Read bounce e-mails (RFC 3464 delivery status notifications, .eml files) and record them: a permanent failure falls back to the next channel.')
    .argument('<files...>', 'one or more .eml files')
    .action(async (files: string[]) => {
      const config = loadConfig();
      const database = openDatabase(config.database);
      try {
        await migrateToLatest(database.db);
        const summary = await importBounceFiles({ db: database.db, config, clock: systemClock }, files, write);
        if (summary.notices === 0) process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
}
