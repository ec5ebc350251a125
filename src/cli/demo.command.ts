import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { loadDemo } from '../modules/organisations/index.ts';
import { systemClock } from '../shared/time.ts';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Load invented demo organisations, accounts for every role and cases; running it again adds nothing twice.')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig();
      const database = openDatabase(config.database);
      try {
        await migrateToLatest(database.db);
        const result = await loadDemo({ db: database.db, clock: systemClock, config });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        const { organisations, processors, users, cases } = result.created;
        if (organisations + processors + users + cases === 0) {
          process.stdout.write('The demo data is already loaded; nothing was added.\n');
          return;
        }
        process.stdout.write(`Demo loaded: ${organisations} organisations, ${processors} processors, ${users} accounts, ${cases} cases.\n`);
        if (result.password) {
          process.stdout.write(`\nSign in at ${config.PUBLIC_URL} with one of these accounts and the password below (shown only now):\n\n`);
          for (const account of result.accounts) process.stdout.write(`  ${account.email.padEnd(34)} ${account.role.padEnd(17)} ${account.organisation}\n`);
          process.stdout.write(`\n  password: ${result.password}\n`);
        }
      } finally {
        await database.close();
      }
    });
}
