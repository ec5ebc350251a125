import type { Command } from 'commander';
import { createContext } from '../bootstrap.ts';
import { loadConfig } from '../config/config.ts';
import { migrateToLatest } from '../db/database.ts';
import { purgeExpiredCases } from '../modules/retention/index.ts';

export function registerPurgeCommand(program: Command): void {
  program
    .command('purge')
    .description(
      "Purge the personal data of cases closed longer ago than their organisation's retention period (files, reporter contact details, data keys); the case, its facts, dates and decisions stay for the register. Also runs daily as a job.",
    )
    .option('--dry-run', 'show what would be purged, and how much, without purging anything')
    .option('--json', 'print the report as JSON')
    .action(async (options: { dryRun?: boolean; json?: boolean }) => {
      const ctx = createContext(loadConfig());
      try {
        await migrateToLatest(ctx.db);
        const report = await purgeExpiredCases(ctx, { dryRun: options.dryRun });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          return;
        }
        const verb = report.dryRun ? 'Would purge' : 'Purged';
        process.stdout.write(`${verb} the personal data of ${report.cases.length} case${report.cases.length === 1 ? '' : 's'}.\n`);
        for (const c of report.cases) {
          const counts = Object.entries(c.counts)
            .map(([step, n]) => `${step} ${n}`)
            .join(', ');
          process.stdout.write(`  ${c.reference} (closed ${c.closedAt.slice(0, 10)}, due ${c.dueAt.slice(0, 10)}): ${counts}\n`);
        }
      } finally {
        await ctx.close();
      }
    });
}
