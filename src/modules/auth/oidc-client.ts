import * as client from 'openid-client';
import type { OidcFlow } from './oidc-cookie.ts';
import type { OidcSettings } from './oidc-claims.ts';

export const oidcScope = 'openid email profile';

const configurations = new Map<string, Promise<client.Configuration>>();

function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * The provider's metadata, discovered once per process. A failed discovery is forgotten, so the next
 * sign-in tries again instead of the provider being unusable until a restart.
 */
function providerConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const key = JSON.stringify([settings.issuer.href, settings.clientId, settings.clientSecret]);
  let configuration = configurations.get(key);
  if (!configuration) {
    const auth = settings.clientSecret === null ? client.None() : client.ClientSecretBasic(settings.clientSecret);
    // Plain http is accepted only for a provider on this machine; the config module refuses it elsewhere.
    const insecure = settings.issuer.protocol === 'http:' && isLoopback(settings.issuer);
    configuration = client.discovery(settings.issuer, settings.clientId, undefined, auth, {
      timeout: 10,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
    configurations.set(key, configuration);
    configuration.catch(() => configurations.delete(key));
  }
  return configuration;
}

/** Fresh secrets for one sign-in; they stay in the browser's flow cookie until the provider answers. */
export function newOidcFlow(next: string): OidcFlow {
  return { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), next };
}

/** The provider's authorization address for this sign-in: code flow with PKCE (S256), state and nonce. */
export async function authorizationUrlFor(settings: OidcSettings, flow: OidcFlow): Promise<URL> {
  const configuration = await providerConfiguration(settings);
  return client.buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUrl,
    scope: oidcScope,
    response_type: 'code',
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
  });
}

/**
 * Redeems the code the provider sent back and answers the verified claims: those of the ID token, with the
 * UserInfo answer added for what the ID token leaves out (many providers put `email` only there). Throws when
 * the state, nonce, PKCE verifier, issuer, audience or signature does not match, or the code was used before.
 */
export async function redeemAuthorizationCode(settings: OidcSettings, callbackQuery: string, flow: OidcFlow): Promise<Record<string, unknown>> {
  const configuration = await providerConfiguration(settings);
  // The callback address is built from configuration, never from the request's Host header.
  const currentUrl = new URL(settings.redirectUrl);
  currentUrl.search = callbackQuery;
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    pkceCodeVerifier: flow.verifier,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error('The provider answered without an ID token.');
  const claims: Record<string, unknown> = { ...idClaims };
  if (claims[settings.emailClaim] === undefined && configuration.serverMetadata().userinfo_endpoint) {
    const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
    for (const [name, value] of Object.entries(userInfo)) if (claims[name] === undefined) claims[name] = value;
  }
  return claims;
}
