import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type JWK } from 'oidc-provider';

/** Who the next person to sign in at the test provider is, and what the provider says about that sign-in. */
export interface TestIdentity {
  sub: string;
  email: string;
  emailVerified?: boolean;
  amr?: string[];
}

export interface TestOpenIdProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Registers the client with its redirect URL; until then the provider answers 503. Separate from the start
   * so that an app can be started with the issuer first and tell its own address afterwards.
   */
  registerRedirectUrl(redirectUrl: string): void;
  /** Decides who signs in at the next authorization request; the provider has no login form. */
  signInAs(identity: TestIdentity): void;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (the oidc-provider package) on a loopback port, with one confidential client.
 * Its interaction step signs in whoever `signInAs` named, with the `amr` given, and grants the scopes asked.
 */
export async function startTestOpenIdProvider(options: { redirectUrl?: string } = {}): Promise<TestOpenIdProvider> {
  const clientId = 'breachdesk';
  const clientSecret = randomBytes(24).toString('base64url');
  const identities = new Map<string, TestIdentity>();
  let next: TestIdentity | null = null;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...(privateKey.export({ format: 'jwk' }) as JWK), use: 'sig', alg: 'RS256', kid: 'test' };

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const providerFor = (redirectUrl: string) =>
    new Provider(issuer, {
      clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUrl], grant_types: ['authorization_code'], response_types: ['code'] }],
      jwks: { keys: [signingKey] },
      cookies: { keys: [randomBytes(16).toString('hex')] },
      // amr and acr in the openid scope: like most providers, this one puts them in every ID token.
      claims: { auth_time: null, sid: null, openid: ['sub', 'amr', 'acr'], email: ['email', 'email_verified'], profile: ['name'] },
      features: { devInteractions: { enabled: false } },
      pkce: { required: () => true },
      ttl: { Interaction: 600, Session: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
      findAccount: (_ctx, sub) => {
        const identity = identities.get(sub);
        if (!identity) return undefined;
        return {
          accountId: sub,
          claims: () => ({ sub, email: identity.email, email_verified: identity.emailVerified ?? true, name: identity.email.split('@')[0] }),
        };
      },
    });

  let provider: Provider | undefined;
  let callback: ReturnType<Provider['callback']> | undefined;
  const registerRedirectUrl = (redirectUrl: string) => {
    provider = providerFor(redirectUrl);
    callback = provider.callback();
  };

  server.on('request', (req, res) => {
    if (!provider || !callback) {
      res.statusCode = 503;
      res.end('no client registered yet');
      return;
    }
    const current = provider;
    if (!req.url?.startsWith('/interaction/')) {
      callback(req, res);
      return;
    }
    void (async () => {
      try {
        const identity = next;
        if (!identity) throw new Error('no identity chosen for this sign-in');
        next = null;
        identities.set(identity.sub, identity);
        const details = await current.interactionDetails(req, res);
        const grant = new current.Grant({ accountId: identity.sub, clientId });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await current.interactionFinished(
          req,
          res,
          { login: { accountId: identity.sub, ...(identity.amr ? { amr: identity.amr } : {}) }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
    })();
  });

  if (options.redirectUrl) registerRedirectUrl(options.redirectUrl);

  return {
    issuer,
    clientId,
    clientSecret,
    registerRedirectUrl,
    signInAs(identity) {
      next = identity;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A browser's cookie jar for the provider's site, enough to follow its redirects. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Follows the provider's redirects like a browser would, from its authorization address until it sends the
 * browser back to `redirectUrl`; answers that final address with its query (code, state, iss).
 */
export async function followProviderRedirects(start: string, redirectUrl: string, jar: CookieJar = new CookieJar()): Promise<URL> {
  let location = start;
  for (let hop = 0; hop < 20; hop += 1) {
    if (location.startsWith(redirectUrl)) return new URL(location);
    const response = await fetch(location, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(response);
    const nextLocation = response.headers.get('location');
    if (!nextLocation) throw new Error(`the provider answered ${response.status} at ${location}: ${(await response.text()).slice(0, 300)}`);
    location = new URL(nextLocation, location).href;
  }
  throw new Error('too many redirects at the provider');
}
