import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { openDatabase } from '../db/database.ts';
import { verifyAuditChain } from '../modules/audit/index.ts';

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('Work with the append-only audit log.');
  audit
    .command('verify')
    .description('Check that no audit entry was changed, removed or reordered; exit code 1 names the first broken entry.')
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase(config.database);
      try {
        const verdict = await verifyAuditChain(database.db);
        if (verdict.ok) {
          process.stdout.write(`Audit log intact: ${verdict.entries} entries\n`);
        } else {
          process.stderr.write(`Audit log broken at entry ${verdict.brokenAtSeq}: ${verdict.reason}\n`);
          process.exitCode = 1;
        }
      } finally {
        await database.close();
      }
    });
}
