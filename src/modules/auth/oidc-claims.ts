import type { Config } from '../../config/config.ts';

/** Single sign-on as configured for this installation; null when only passwords are used. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  /** Null for a public client: the code is then bound to the browser by PKCE alone. */
  clientSecret: string | null;
  redirectUrl: string;
  providerName: string;
  emailClaim: string;
  mfaAmr: string[];
  mfaAcr: string[];
}

type OidcConfig = Pick<
  Config,
  'PUBLIC_URL' | 'OIDC_ISSUER' | 'OIDC_CLIENT_ID' | 'OIDC_CLIENT_SECRET' | 'OIDC_REDIRECT_URL' | 'OIDC_PROVIDER_NAME' | 'OIDC_EMAIL_CLAIM' | 'OIDC_MFA_AMR' | 'OIDC_MFA_ACR'
>;

function listOf(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function oidcSettingsOf(config: OidcConfig): OidcSettings | null {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID) return null;
  return {
    issuer: new URL(config.OIDC_ISSUER),
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET || null,
    redirectUrl: config.OIDC_REDIRECT_URL || `${config.PUBLIC_URL.replace(/\/+$/, '')}/auth/oidc/callback`,
    providerName: config.OIDC_PROVIDER_NAME,
    emailClaim: config.OIDC_EMAIL_CLAIM,
    mfaAmr: listOf(config.OIDC_MFA_AMR),
    mfaAcr: listOf(config.OIDC_MFA_ACR),
  };
}

/** Why a sign-in at the provider did not lead to a Breachdesk session; travels to the login page as `?sso=`. */
export type OidcRefusal = 'no_account' | 'no_email' | 'unverified_email' | 'failed' | 'unavailable';

export type AccountEmail = { email: string } | { refused: 'no_email' | 'unverified_email' };

/**
 * The e-mail address the provider vouches for. With the standard `email` claim the provider must also say
 * it verified the address: otherwise anyone who can type someone's address into their profile at the
 * provider would become that person here. Another claim (an employee `upn`) is trusted as the provider's own.
 */
export function accountEmailFrom(claims: Record<string, unknown>, claimName: string): AccountEmail {
  const value = claims[claimName];
  if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(value.trim())) return { refused: 'no_email' };
  if (claimName === 'email' && claims.email_verified !== true) return { refused: 'unverified_email' };
  return { email: value.trim() };
}

/** Whether the provider says this sign-in already used more than one factor, by `amr` or `acr`. */
export function providerAssertsSecondFactor(claims: Record<string, unknown>, settings: Pick<OidcSettings, 'mfaAmr' | 'mfaAcr'>): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [];
  if (amr.some((method) => settings.mfaAmr.includes(method))) return true;
  return typeof claims.acr === 'string' && settings.mfaAcr.includes(claims.acr);
}

/** Where to land after signing in: only a path on this site, never the login page itself. */
export function safeReturnPath(candidate: string | undefined): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return '/';
  if (candidate.startsWith('/login') || candidate.startsWith('/setup') || candidate.startsWith('/auth/')) return '/';
  return candidate;
}
