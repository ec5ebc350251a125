import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { startProcess } from '../main.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the web server (and, with ROLE=all, the job worker in the same process).')
    .action(async () => {
      await startProcess(loadConfig(), 'serve');
    });
}
