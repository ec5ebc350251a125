import { Option, type Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { roles, type Role } from '../http/actor.ts';
import { AppError, isAppError } from '../shared/app-error.ts';
import { systemClock } from '../shared/time.ts';
import { chooseOrganisation, createUser } from '../modules/users/index.ts';

interface CreateOptions {
  email: string;
  name: string;
  role: Role;
  org?: string;
  processor?: string;
  password?: string;
  passwordStdin?: boolean;
}

// Service field names as the options a person typed, so that a message names what to fix.
const optionForField: Record<string, string> = {
  email: '--email',
  displayName: '--name',
  role: '--role',
  org: '--org',
  processorOrgId: '--processor',
  password: '--password',
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function withOptionNames(error: AppError): AppError {
  const issues = error.issues.map((i) => ({ field: optionForField[i.field] ?? i.field, message: i.message }));
  const message = issues.length > 0 ? `Cannot create the user: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}` : error.message;
  return new AppError(error.code, message, { issues: [] });
}

export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('Manage accounts.');
  user
    .command('create')
    .description('Create an account. Without a password it prints a one-time link (valid 24 hours) to choose one.')
    .requiredOption('--email <email>', 'e-mail address the person signs in with')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>', 'role of the account').choices(roles).makeOptionMandatory())
    .option('--org <org>', 'organisation id or name (default: the only organisation, if there is exactly one)')
    .option('--processor <org>', 'for --role processor: id of the linked processor organisation the account speaks for')
    .addOption(new Option('--password <password>', 'initial password (visible in the process list; prefer --password-stdin)').conflicts('passwordStdin'))
    .option('--password-stdin', 'read the initial password from standard input')
    .action(async (options: CreateOptions) => {
      const config = loadConfig();
      const database = openDatabase(config.database);
      try {
        await migrateToLatest(database.db);
        const deps = { db: database.db, clock: systemClock, config };
        const password = options.passwordStdin ? await readStdin() : options.password;
        const org = await chooseOrganisation(database.db, options.org);
        const result = await createUser(deps, { label: 'cli' }, {
          orgId: org.id,
          email: options.email,
          displayName: options.name,
          role: options.role,
          password,
          processorOrgId: options.processor,
        });
        process.stdout.write(`Created ${result.user.role} account ${result.user.email} in ${org.name} (id ${result.user.id}).\n`);
        if (result.setupLink) process.stdout.write(`Open ${result.setupLink} to choose the password (valid 24 hours).\n`);
      } catch (error) {
        throw isAppError(error) ? withOptionNames(error) : error;
      } finally {
        await database.close();
      }
    });
}
