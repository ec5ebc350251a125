import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Bring the database schema up to date (serve and worker also do this on start).')
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase(config.database);
      try {
        const applied = await migrateToLatest(database.db);
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
      } finally {
        await database.close();
      }
    });
}
