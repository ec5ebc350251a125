import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { startProcess } from '../main.ts';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'Run background jobs (e-mail and other work queued by the web server) until SIGTERM or SIGINT, then finish the jobs in hand and exit. ' +
        'With PostgreSQL, run it on as many machines as you like; with the embedded database, `serve` already runs the jobs unless ROLE=web.',
    )
    .action(async () => {
      await startProcess(loadConfig(), 'worker');
    });
}
