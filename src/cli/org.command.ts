import { InvalidArgumentError, Option, type Command } from 'commander';
import { AppError, isAppError } from '../shared/app-error.ts';
import { loadConfig } from '../config/config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { mfaRolesFromList, setMfaRequiredRoles } from '../modules/auth/index.ts';
import { setRetentionDays } from '../modules/retention/index.ts';
import { createOrganisation, isTimeZone, listOrganisations, locales, nis2Classes, sectors } from '../modules/organisations/index.ts';
import { systemClock } from '../shared/time.ts';

const cli = { label: 'cli' };

const optionOfField: Record<string, string> = { name: '--name', sector: '--sector', nis2: '--nis2', brands: '--brand', timeZone: '--time-zone', defaultLocale: '--locale' };

/** Speaks of the command's options rather than the service's field names (`brands.1` becomes `--brand (2nd)`). */
function inOptionTerms(error: unknown): unknown {
  if (!isAppError(error) || error.code !== 'validation_failed') return error;
  const issues = error.issues.map((issue) => {
    const [field = '', index] = issue.field.split('.');
    const option = optionOfField[field] ?? issue.field;
    return { field: index === undefined ? option : `${option} #${Number(index) + 1}`, message: issue.message };
  });
  return new AppError('validation_failed', error.message, { issues, cause: error });
}

function parseTimeZone(value: string): string {
  if (!isTimeZone(value)) throw new InvalidArgumentError('Allowed values are IANA time zones such as Europe/Amsterdam.');
  return value;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

interface CreateOptions {
  name: string;
  sector: (typeof sectors)[number];
  nis2: (typeof nis2Classes)[number];
  brand: string[];
  timeZone: string;
  locale: (typeof locales)[number];
  mfaRoles?: string;
  retentionDays?: number;
  json?: boolean;
}

export function registerOrgCommand(program: Command): void {
  const org = program.command('org').description('Manage organisations: the controllers that use Breachdesk, their brands and processors.');

  org
    .command('create')
    .description('Create a controller organisation; prints its id.')
    .requiredOption('--name <name>', 'the organisation’s legal name')
    .addOption(new Option('--sector <sector>', 'sector; decides which sector deadlines apply').choices(sectors).makeOptionMandatory())
    .addOption(new Option('--nis2 <class>', 'NIS2 classification').choices(nis2Classes).default('none'))
    .option('--brand <name>', 'a brand run on the same systems (repeat for more)', collect, [])
    .option('--time-zone <tz>', 'IANA time zone for deadlines and dates', parseTimeZone, 'Europe/Amsterdam')
    .addOption(new Option('--locale <locale>', 'default language').choices(locales).default('nl'))
    .option('--mfa-roles <roles>', 'roles that must use a second sign-in factor: comma-separated roles, `none` or `default` (admin,privacy_officer)')
    .option('--retention-days <days>', 'days after a case closes until its personal data is purged (default 365)', (v) => Number(v))
    .option('--json', 'print the organisation as JSON')
    .action(async (options: CreateOptions) => {
      const config = loadConfig();
      const database = openDatabase(config.database);
      try {
        await migrateToLatest(database.db);
        const mfaRoles = options.mfaRoles === undefined ? undefined : mfaRolesFromList(options.mfaRoles);
        const created = await createOrganisation(
          { db: database.db, clock: systemClock },
          { name: options.name, sector: options.sector, nis2: options.nis2, brands: options.brand, timeZone: options.timeZone, defaultLocale: options.locale },
          cli,
        ).catch((error: unknown) => {
          throw inOptionTerms(error);
        });
        if (mfaRoles) await setMfaRequiredRoles(database.db, created.id, mfaRoles);
        if (options.retentionDays !== undefined) await setRetentionDays({ db: database.db }, created.id, options.retentionDays);
        process.stdout.write(options.json ? `${JSON.stringify(created, null, 2)}\n` : `${created.id}\n`);
      } finally {
        await database.close();
      }
    });

  org
    .command('security')
    .description('Change an organisation’s security settings: which roles must use a second sign-in factor, and how long closed cases keep personal data.')
    .requiredOption('--org <id>', 'the organisation’s id (see `breachdesk org list`)')
    .option('--mfa-roles <roles>', 'comma-separated roles, `none` or `default` (admin,privacy_officer)')
    .option('--retention-days <days>', 'days after a case closes until its personal data is purged', (v) => Number(v))
    .action(async (options: { org: string; mfaRoles?: string; retentionDays?: number }) => {
      const config = loadConfig();
      const database = openDatabase(config.database);
      try {
        await migrateToLatest(database.db);
        if (options.mfaRoles !== undefined) await setMfaRequiredRoles(database.db, options.org, mfaRolesFromList(options.mfaRoles));
        if (options.retentionDays !== undefined) await setRetentionDays({ db: database.db }, options.org, options.retentionDays);
        process.stdout.write('Saved.\n');
      } finally {
        await database.close();
      }
    });

  org
    .command('list')
    .description('List every organisation with its kind, sector profile and brands.')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig();
      const database = openDatabase(config.database);
      try {
        await migrateToLatest(database.db);
        const organisations = await listOrganisations({ db: database.db });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(organisations, null, 2)}\n`);
          return;
        }
        if (organisations.length === 0) {
          process.stdout.write('No organisations yet. Create one with `breachdesk org create` or load the demo with `breachdesk demo`.\n');
          return;
        }
        for (const o of organisations) {
          const profile = o.kind === 'controller' ? `${o.sector}, NIS2 ${o.nis2}` : 'processor';
          const brands = o.brands.length ? `; brands: ${o.brands.join(', ')}` : '';
          process.stdout.write(`${o.id}  ${o.name} (${profile}${brands})\n`);
        }
      } finally {
        await database.close();
      }
    });
}
