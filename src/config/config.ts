import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Each variable carries its one-line documentation, which the README's
 * configuration table repeats (a test keeps the two in step).
 */
const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

export const configVariables = {
  PORT: {
    doc: 'TCP port the web server listens on.',
    schema: z.coerce.number().int().min(1).max(65535).default(3000),
  },
  HOST: {
    doc: 'Address the web server binds to (0.0.0.0 to accept connections from other machines).',
    schema: z.string().min(1).default('127.0.0.1'),
  },
  PUBLIC_URL: {
    doc: 'The address people use to reach Breachdesk; used in links in e-mails. An https URL turns on Secure cookies and HSTS.',
    schema: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  },
  DATA_DIR: {
    doc: 'Folder for the embedded database and stored files; created on first start.',
    schema: z.string().min(1).default('./data'),
  },
  DATABASE_URL: {
    doc: 'Empty for the embedded SQLite database under DATA_DIR, `sqlite:PATH` for another file, or a `postgres://` URL.',
    schema: z
      .string()
      .refine((v) => v === '' || v.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(v), 'must be empty, sqlite:PATH or a postgres:// URL')
      .default(''),
  },
  MAIL_URL: {
    doc: 'Empty to keep outgoing mail in the built-in mailbox (shown to admins in the app), or an `smtp://` / `smtps://` URL with optional user:password.',
    schema: z
      .string()
      .refine((v) => v === '' || /^smtps?:\/\//.test(v), 'must be empty or an smtp:// or smtps:// URL')
      .default(''),
  },
  MAIL_FROM: {
    doc: 'Sender address of e-mail Breachdesk sends.',
    schema: z.string().min(3).default('Breachdesk <breachdesk@localhost>'),
  },
  MAIL_DKIM_DOMAIN: {
    doc: 'Domain that signs campaign e-mail with DKIM (the d= of the signature); empty for no signing here (e.g. when the relay signs). Needs MAIL_DKIM_SELECTOR and MAIL_DKIM_KEY_FILE.',
    schema: z.string().default(''),
  },
  MAIL_DKIM_SELECTOR: {
    doc: 'DKIM selector: the key is published at SELECTOR._domainkey.DOMAIN.',
    schema: z.string().default(''),
  },
  MAIL_DKIM_KEY_FILE: {
    doc: 'Path of the PEM private key that signs campaign e-mail with DKIM.',
    schema: z.string().default(''),
  },
  SMS_GATEWAY_URL: {
    doc: 'Empty for no text messages, or the https URL of an HTTP SMS gateway that takes POST {to, text, reference}.',
    schema: z
      .string()
      .refine((v) => v === '' || /^https?:\/\//.test(v), 'must be empty or an http:// or https:// URL')
      .default(''),
  },
  SMS_GATEWAY_TOKEN: {
    doc: 'Bearer token sent to the SMS gateway; empty for none.',
    schema: z.string().default(''),
  },
  SMS_SENDER_NAME: {
    doc: 'Sender shown on text messages, sent to the gateway as `from`: at most 11 letters or digits, or a phone number; empty for the gateway\'s default.',
    schema: z
      .string()
      .refine((v) => v === '' || /^[A-Za-z0-9 ]{1,11}$/.test(v) || /^\+?\d{3,15}$/.test(v), 'must be at most 11 letters, digits or spaces, or a phone number')
      .default(''),
  },
  LOG_LEVEL: {
    doc: 'One of fatal, error, warn, info, debug, trace, silent.',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  },
  TIME_ZONE: {
    doc: 'IANA time zone in which times are shown (all times are stored in UTC).',
    schema: z
      .string()
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as Europe/Amsterdam')
      .default('Europe/Amsterdam'),
  },
  TRUST_PROXY: {
    doc: 'true when Breachdesk runs behind a reverse proxy that sets X-Forwarded-For / X-Forwarded-Proto.',
    schema: booleanFromString.default(false),
  },
  SESSION_IDLE_MINUTES: {
    doc: 'A session ends after this many minutes without a request.',
    schema: z.coerce.number().int().min(1).max(24 * 60).default(60),
  },
  SESSION_ABSOLUTE_HOURS: {
    doc: 'A session ends this many hours after sign-in, however active.',
    schema: z.coerce.number().int().min(1).max(24 * 30).default(12),
  },
  BODY_LIMIT_BYTES: {
    doc: 'Largest accepted request body for JSON and form posts, in bytes.',
    schema: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  },
  CAMPAIGN_SEND_JOBS: {
    doc: 'How many send jobs share one running campaign; any worker process (on PostgreSQL on any machine) takes them, each claiming leased batches of the outbox.',
    schema: z.coerce.number().int().min(1).max(64).default(2),
  },
  MAIL_MAX_CONNECTIONS: {
    doc: 'Parallel SMTP connections of one campaign send job to MAIL_URL.',
    schema: z.coerce.number().int().min(1).max(100).default(10),
  },
  MAIL_MAX_MESSAGES: {
    doc: 'Messages sent over one SMTP connection before it is renewed.',
    schema: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  },
  JOBS_POLL_MS: {
    doc: 'How often a worker looks for due jobs, in milliseconds.',
    schema: z.coerce.number().int().min(10).max(60_000).default(500),
  },
  JOBS_CONCURRENCY: {
    doc: 'How many jobs one worker process runs at the same time.',
    schema: z.coerce.number().int().min(1).max(64).default(4),
  },
  ENCRYPTION_KEY: {
    doc: 'Key-encryption key (32 bytes, base64) that wraps the per-case data keys. Empty: a key file is generated under DATA_DIR/keys on first start; keep a copy of it apart from the backups.',
    schema: z
      .string()
      .refine((v) => v === '' || Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded as base64 (e.g. `openssl rand -base64 32`)')
      .default(''),
  },
  ENCRYPTION_KEYS_PREVIOUS: {
    doc: 'Earlier key-encryption keys (comma-separated base64) that may still unwrap data keys during a rotation; remove them once `breachdesk keys rotate` reports none left.',
    schema: z
      .string()
      .refine((v) => v === '' || v.split(',').every((k) => Buffer.from(k.trim(), 'base64').length === 32), 'must be 32-byte base64 keys separated by commas')
      .default(''),
  },
  ENCRYPTION_KEY_NEW: {
    doc: 'Only for `breachdesk keys rotate`: the key-encryption key (32 bytes, base64) to re-wrap every data key with.',
    schema: z
      .string()
      .refine((v) => v === '' || Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded as base64 (e.g. `openssl rand -base64 32`)')
      .default(''),
  },
  MAX_UPLOAD_BYTES: {
    doc: 'Largest accepted attachment on reports and cases, in bytes.',
    schema: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(20 * 1024 * 1024),
  },
  DATASET_MAX_BYTES: {
    doc: 'Largest breached dataset accepted for impact analysis on a case, in bytes; streamed to disk encrypted, never held in memory.',
    schema: z.coerce.number().int().min(1024).default(8 * 1024 * 1024 * 1024),
  },
  ROLE: {
    doc: 'What `breachdesk serve` runs: `all` (web and jobs in one process, the default), `web` (only the web server).',
    schema: z.enum(['all', 'web']).default('all'),
  },
  OIDC_ISSUER: {
    doc: 'Empty to sign in with passwords only, or the issuer URL of an OpenID Connect provider for single sign-on (https; plain http only on loopback).',
    schema: z
      .string()
      .refine((v) => v === '' || isAcceptableIssuer(v), 'must be empty or an https URL (http only for localhost/127.0.0.1)')
      .default(''),
  },
  OIDC_CLIENT_ID: {
    doc: 'The client id Breachdesk is registered with at the OpenID provider; required with OIDC_ISSUER.',
    schema: z.string().default(''),
  },
  OIDC_CLIENT_SECRET: {
    doc: 'The client secret from the OpenID provider; empty for a public client (PKCE is always used).',
    schema: z.string().default(''),
  },
  OIDC_REDIRECT_URL: {
    doc: 'The redirect URL registered at the OpenID provider; empty means PUBLIC_URL followed by /auth/oidc/callback.',
    schema: z
      .string()
      .refine((v) => v === '' || /^https?:\/\/[^/]+\/auth\/oidc\/callback$/.test(v), 'must be empty or an http(s) URL ending in /auth/oidc/callback')
      .default(''),
  },
  OIDC_PROVIDER_NAME: {
    doc: 'Name on the sign-in button ("Sign in with …"), e.g. the name of your identity provider.',
    schema: z.string().min(1).max(60).default('single sign-on'),
  },
  OIDC_EMAIL_CLAIM: {
    doc: 'Claim whose value is matched to the e-mail address of an existing account; with `email`, `email_verified` must be true.',
    schema: z.string().regex(/^[A-Za-z0-9_.:-]+$/, 'must be a claim name such as email or preferred_username').default('email'),
  },
  OIDC_MFA_AMR: {
    doc: 'Comma-separated `amr` values that count as a second factor done at the provider (then no TOTP code is asked); empty: none do.',
    schema: z.string().default('mfa'),
  },
  OIDC_MFA_ACR: {
    doc: 'Comma-separated `acr` values that count as a second factor done at the provider; empty: none do.',
    schema: z.string().default(''),
  },
} as const;

/** An OpenID issuer must be https; plain http is only acceptable on this machine (a test or local provider). */
function isAcceptableIssuer(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

type Variables = typeof configVariables;
export type ConfigVariableName = keyof Variables;
type RawConfig = { [K in ConfigVariableName]: z.output<Variables[K]['schema']> };

export type DatabaseTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export interface Config extends RawConfig {
  database: DatabaseTarget;
  secureCookies: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(configVariables)) {
    const raw = env[name];
    const parsed = (variable.schema as z.ZodType).safeParse(raw === '' ? undefined : raw);
    if (parsed.success) {
      values[name] = parsed.data;
    } else {
      const message = parsed.error.issues.map((issue) => issue.message).join('; ');
      problems.push(`${name}=${JSON.stringify(raw)}: ${message} (${variable.doc})`);
    }
  }
  if (values.OIDC_ISSUER && !values.OIDC_CLIENT_ID) {
    problems.push(`OIDC_CLIENT_ID="": required when OIDC_ISSUER is set (${configVariables.OIDC_CLIENT_ID.doc})`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const raw = values as RawConfig;
  return {
    ...raw,
    database: resolveDatabase(raw.DATABASE_URL, raw.DATA_DIR),
    secureCookies: raw.PUBLIC_URL.startsWith('https:'),
  };
}

function resolveDatabase(url: string, dataDir: string): DatabaseTarget {
  if (url.startsWith('postgres')) return { dialect: 'postgres', url };
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', file: url.slice('sqlite:'.length) };
  return { dialect: 'sqlite', file: path.join(dataDir, 'breachdesk.sqlite') };
}
