import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { sealStoredReports } from '../modules/intake/index.ts';
import { rotateKeyEncryptionKey } from '../modules/keys/index.ts';
import { systemClock } from '../shared/time.ts';

export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('Manage the key-encryption key that wraps the per-case data keys.');
  keys
    .command('rotate')
    .description(
      'Re-wrap every data key with a new key-encryption key while Breachdesk keeps running. The new key comes from --new-key-file or ENCRYPTION_KEY_NEW; without either, data keys still under earlier keys are re-wrapped with the current one.',
    )
    .option('--new-key-file <path>', 'file holding the new 32-byte key in base64 (e.g. `openssl rand -base64 32 > new.key`)')
    .option('--batch-size <n>', 'data keys per transaction', (v) => Number.parseInt(v, 10), 500)
    .option('--json', 'print the report as JSON')
    .action(async (options: { newKeyFile?: string; batchSize: number; json?: boolean }) => {
      const config = loadConfig();
      const newKeyBase64 = options.newKeyFile ? fs.readFileSync(options.newKeyFile, 'utf8').trim() : config.ENCRYPTION_KEY_NEW || undefined;
      const origin = options.newKeyFile ? `The file ${options.newKeyFile}` : 'ENCRYPTION_KEY_NEW';
      const database = openDatabase(config.database);
      try {
        await migrateToLatest(database.db);
        const report = await rotateKeyEncryptionKey(database.db, config, { newKeyBase64, origin }, { batchSize: options.batchSize });
        // Reports stored before they were encrypted at rest are encrypted here, once (see migration 0015).
        const reports = await sealStoredReports(database.db, { config, clock: systemClock }, { batchSize: options.batchSize });
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ ...report, reportsEncrypted: reports.sealed }, null, 2)}\n`);
          return;
        }
        if (reports.sealed > 0) process.stdout.write(`Encrypted ${reports.sealed} reports stored before encryption at rest.\n`);
        if (reports.changed > 0) process.stdout.write(`${reports.changed} reports changed meanwhile; run the command again to encrypt them.\n`);
        process.stdout.write(`Re-wrapped ${report.rewrapped} data keys with key ${report.targetKekId}.\n`);
        if (report.raced > 0) process.stdout.write(`${report.raced} changed by another process meanwhile; they were taken up in a later pass.\n`);
        for (const { kekId, count } of report.byKek) process.stdout.write(`  key ${kekId}: ${count} data keys${kekId === report.targetKekId ? ' (current)' : ''}\n`);
        if (report.previousKeyFile) process.stdout.write(`The previous key is kept in ${report.previousKeyFile}; remove it once no data key and no backup you keep needs it.\n`);
        if (newKeyBase64 && config.ENCRYPTION_KEY) {
          process.stdout.write('Now set ENCRYPTION_KEY to the new key and keep the old one in ENCRYPTION_KEYS_PREVIOUS until every backup made before today has expired.\n');
        }
      } finally {
        await database.close();
      }
    });
}
