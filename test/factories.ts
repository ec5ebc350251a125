import type { FastifyInstance } from 'fastify';
import { createMailer } from '../src/adapters/mailer/index.ts';
import type { AppContext } from '../src/app-context.ts';
import { loadConfig, type Config } from '../src/config/config.ts';
import type { DatabaseHandle, DbOrTx } from '../src/db/database.ts';
import type { NewOrganisation, Organisation, OrganisationSecurityColumns, User } from '../src/db/schema.ts';
import { buildServer, type App } from '../src/http/server.ts';
import { csrfCookieName, csrfHeaderName, hashPassword, sessionCookieName } from '../src/modules/auth/index.ts';
import { newId } from '../src/shared/ids.ts';
import { createLogger } from '../src/shared/logger.ts';
import type { Clock } from '../src/shared/time.ts';

let counter = 0;
function unique(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter}`;
}

/** A clock a test moves by hand. */
export interface TestClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function createTestClock(start: Date | string = '2026-03-02T09:00:00.000Z'): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export async function buildOrganisation(db: DbOrTx, overrides: Partial<NewOrganisation> = {}): Promise<Organisation> {
  const row: Organisation = {
    id: newId(),
    kind: 'controller',
    name: `Organisation ${unique()}`,
    sector: 'other',
    nis2: 'none',
    time_zone: 'Europe/Amsterdam',
    default_locale: 'nl',
    created_at: new Date().toISOString(),
    ...overrides,
  };
  await db.insertInto('organisations').values(row).execute();
  // Tests that are not about the second factor sign in with a password alone; the MFA tests require it again.
  await db
    .withTables<{ organisations: OrganisationSecurityColumns }>()
    .updateTable('organisations')
    .set({ mfa_required_roles: '[]' })
    .where('id', '=', row.id)
    .execute();
  return row;
}

const hashCache = new Map<string, Promise<string>>();
export const defaultTestPassword = 'correct horse battery staple';

export type TestUser = User & { password: string | null };

/**
 * Inserts an account (in a new organisation unless org_id is given). It has `password` (default
 * defaultTestPassword) unless `password: null` is passed.
 */
export async function buildUser(db: DbOrTx, overrides: Partial<User> & { password?: string | null } = {}): Promise<TestUser> {
  const { password: wanted, ...fields } = overrides;
  const password = wanted === undefined ? defaultTestPassword : wanted;
  const orgId = fields.org_id ?? (await buildOrganisation(db)).id;
  let passwordHash: string | null = null;
  if (password !== null) {
    if (!hashCache.has(password)) hashCache.set(password, hashPassword(password));
    passwordHash = await hashCache.get(password)!;
  }
  const row: User = {
    id: newId(),
    org_id: orgId,
    email: `user-${unique()}@example.test`,
    display_name: `User ${unique()}`,
    role: 'admin',
    processor_org_id: null,
    password_hash: passwordHash,
    locale: 'en',
    disabled_at: null,
    created_at: new Date().toISOString(),
    ...fields,
  };
  await db.insertInto('users').values(row).execute();
  return { ...row, password };
}

export interface TestApp {
  app: App;
  ctx: AppContext;
}

/** The real server over a test database, with a silent logger; close `app` when done. */
export async function buildTestApp(database: DatabaseHandle, options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const config: Config = loadConfig({ LOG_LEVEL: 'silent', ...options.env });
  const clock = options.clock ?? { now: () => new Date() };
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    logger: createLogger('silent'),
    clock,
    mailer: createMailer(config, database.db, clock),
  };
  const app = await buildServer(ctx);
  await app.ready();
  return { app, ctx };
}

/** Cookies of a response, by name (a cleared cookie maps to ''). */
export function cookiesOf(response: { cookies: Array<{ name: string; value: string }> }): Record<string, string> {
  return Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
}

export interface SignedIn {
  cookies: Record<string, string>;
  /** Pass as `headers` to app.inject: the cookie header and the matching CSRF header. */
  headers: { cookie: string; [csrfHeaderName]: string };
  userId: string;
}

export function headersFor(cookies: Record<string, string>): SignedIn['headers'] {
  return {
    cookie: Object.entries(cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; '),
    [csrfHeaderName]: cookies[csrfCookieName] ?? '',
  };
}

/** Fetches a CSRF cookie the way a browser would, without signing in. */
export async function anonymous(app: FastifyInstance): Promise<Pick<SignedIn, 'cookies' | 'headers'>> {
  const first = await app.inject({ method: 'GET', url: '/api/session' });
  const cookies = { [csrfCookieName]: cookiesOf(first)[csrfCookieName] ?? '' };
  return { cookies, headers: headersFor(cookies) };
}

/** Signs in through the real route; throws when the sign-in does not succeed. */
export async function signIn(app: FastifyInstance, email: string, password: string = defaultTestPassword): Promise<SignedIn> {
  const { cookies } = await anonymous(app);
  const response = await app.inject({ method: 'POST', url: '/api/session', headers: headersFor(cookies), payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  const session = cookiesOf(response)[sessionCookieName];
  if (!session) throw new Error('sign-in set no session cookie');
  const all = { ...cookies, [sessionCookieName]: session };
  return { cookies: all, headers: headersFor(all), userId: (response.json() as { user: { id: string } }).user.id };
}
