import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/config.ts';
import { MigrationError } from '../db/database.ts';
import { isAppError } from '../shared/app-error.ts';
import { registerAnalyseCommand } from './analyse.command.ts';
import { registerAssessCommand } from './assess.command.ts';
import { registerBouncesCommand } from './bounces.command.ts';
import { registerAuditCommand } from './audit.command.ts';
import { registerCaseCommand } from './case.command.ts';
import { registerDemoCommand } from './demo.command.ts';
import { registerKeysCommand } from './keys.command.ts';
import { registerMigrateCommand } from './migrate.command.ts';
import { registerNotifyCommand } from './notify.command.ts';
import { registerOrgCommand } from './org.command.ts';
import { registerPurgeCommand } from './purge.command.ts';
import { registerServeCommand } from './serve.command.ts';
import { registerUserCommand } from './user.command.ts';
import { registerWorkerCommand } from './worker.command.ts';

export function buildCli(): Command {
  const program = new Command('breachdesk')
    .description('Breachdesk: take an organisation through a personal-data breach, from the first report to closure.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerKeysCommand(program);
  registerPurgeCommand(program);
  registerOrgCommand(program);
  registerDemoCommand(program);
  registerAuditCommand(program);
  registerCaseCommand(program);
  registerAssessCommand(program);
  registerAnalyseCommand(program);
  registerUserCommand(program);
  registerWorkerCommand(program);
  registerNotifyCommand(program);
  registerBouncesCommand(program);
  return program;
}

/** Runs the command line; every failure ends in a one-paragraph message and a non-zero exit code. */
export async function runCli(argv: string[]): Promise<void> {
  const program = buildCli();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its own message (or the help text).
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof ConfigError || error instanceof MigrationError) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (isAppError(error)) {
    const fields = error.issues.map((i) => `  - ${i.field ? `${i.field}: ` : ''}${i.message}`).join('\n');
    process.stderr.write(`error: ${error.message}${fields ? `\n${fields}` : ''}\n`);
    return error.code === 'validation_failed' ? 2 : 1;
  }
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}
