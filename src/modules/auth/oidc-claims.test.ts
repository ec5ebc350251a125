import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.ts';
import { accountEmailFrom, oidcSettingsOf, providerAssertsSecondFactor, safeReturnPath } from './oidc-claims.ts';
import { readOidcFlowCookie } from './oidc-cookie.ts';

describe('OpenID settings', () => {
  it('are off without an issuer, and derive the redirect URL from PUBLIC_URL', () => {
    expect(oidcSettingsOf(loadConfig({}))).toBeNull();
    const settings = oidcSettingsOf(loadConfig({ PUBLIC_URL: 'https://desk.example.nl/', OIDC_ISSUER: 'https://id.example.nl', OIDC_CLIENT_ID: 'bd', OIDC_MFA_AMR: 'mfa, hwk' }));
    expect(settings).toMatchObject({ redirectUrl: 'https://desk.example.nl/auth/oidc/callback', clientSecret: null, emailClaim: 'email', mfaAmr: ['mfa', 'hwk'], mfaAcr: [] });
  });

  it('refuse a plain-http issuer off this machine and an issuer without client id, naming the variable', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'http://id.example.nl', OIDC_CLIENT_ID: 'bd' })).toThrow(/OIDC_ISSUER="http:\/\/id.example.nl": must be empty or an https URL/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://id.example.nl' })).toThrow(/OIDC_CLIENT_ID="": required when OIDC_ISSUER is set/);
    expect(loadConfig({ OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'bd' }).OIDC_ISSUER).toBe('http://127.0.0.1:9000');
  });
});

describe('accountEmailFrom', () => {
  it('takes a verified e-mail claim', () => {
    expect(accountEmailFrom({ email: ' ann@acme.test ', email_verified: true }, 'email')).toEqual({ email: 'ann@acme.test' });
  });

  it('refuses an unverified or missing e-mail', () => {
    expect(accountEmailFrom({ email: 'ann@acme.test' }, 'email')).toEqual({ refused: 'unverified_email' });
    expect(accountEmailFrom({ email: 'ann@acme.test', email_verified: 'true' }, 'email')).toEqual({ refused: 'unverified_email' });
    expect(accountEmailFrom({ sub: 'x' }, 'email')).toEqual({ refused: 'no_email' });
    expect(accountEmailFrom({ email: 'not an address', email_verified: true }, 'email')).toEqual({ refused: 'no_email' });
  });

  it('trusts another configured claim as the provider’s own', () => {
    expect(accountEmailFrom({ upn: 'ann@acme.test' }, 'upn')).toEqual({ email: 'ann@acme.test' });
  });
});

describe('providerAssertsSecondFactor', () => {
  const settings = { mfaAmr: ['mfa'], mfaAcr: ['urn:acme:loa:high'] };
  it('counts a configured amr or acr value, nothing else', () => {
    expect(providerAssertsSecondFactor({ amr: ['pwd', 'mfa'] }, settings)).toBe(true);
    expect(providerAssertsSecondFactor({ acr: 'urn:acme:loa:high' }, settings)).toBe(true);
    expect(providerAssertsSecondFactor({ amr: ['pwd'], acr: '1' }, settings)).toBe(false);
    expect(providerAssertsSecondFactor({ amr: 'mfa' }, settings)).toBe(false);
    expect(providerAssertsSecondFactor({ amr: ['mfa'] }, { mfaAmr: [], mfaAcr: [] })).toBe(false);
  });
});

describe('safeReturnPath', () => {
  it('keeps a local path and refuses other sites and the sign-in pages', () => {
    expect(safeReturnPath('/cases/1?tab=tasks')).toBe('/cases/1?tab=tasks');
    for (const bad of ['https://evil.test/', '//evil.test', '/\\evil.test', '/login', '/auth/oidc/start', undefined]) expect(safeReturnPath(bad)).toBe('/');
  });
});

describe('readOidcFlowCookie', () => {
  it('reads what was set and refuses anything malformed', () => {
    const flow = { state: 's'.repeat(43), nonce: 'n'.repeat(43), verifier: 'v'.repeat(43), next: '/' };
    expect(readOidcFlowCookie(Buffer.from(JSON.stringify(flow)).toString('base64url'))).toEqual(flow);
    expect(readOidcFlowCookie(Buffer.from(JSON.stringify({ ...flow, verifier: 'short' })).toString('base64url'))).toBeNull();
    expect(readOidcFlowCookie('%%%')).toBeNull();
    expect(readOidcFlowCookie(undefined)).toBeNull();
  });
});
