import { readFileSync } from 'node:fs';
import type { Config } from '../../config/config.ts';

export type DkimConfig = Pick<Config, 'MAIL_DKIM_DOMAIN' | 'MAIL_DKIM_SELECTOR' | 'MAIL_DKIM_KEY_FILE'>;

export interface DkimSigning {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

/**
 * The DKIM signing the configuration asks for, or undefined when none of its three settings is given. Half a
 * configuration is refused by name rather than sending unsigned mail the operator believes is signed.
 */
export function dkimFromConfig(config: DkimConfig, readKey: (path: string) => string = (path) => readFileSync(path, 'utf8')): DkimSigning | undefined {
  const given = { MAIL_DKIM_DOMAIN: config.MAIL_DKIM_DOMAIN, MAIL_DKIM_SELECTOR: config.MAIL_DKIM_SELECTOR, MAIL_DKIM_KEY_FILE: config.MAIL_DKIM_KEY_FILE };
  const missing = Object.entries(given)
    .filter(([, value]) => value === '')
    .map(([name]) => name);
  if (missing.length === 3) return undefined;
  if (missing.length > 0) throw new Error(`DKIM signing needs ${missing.join(' and ')} as well.`);
  let privateKey: string;
  try {
    privateKey = readKey(config.MAIL_DKIM_KEY_FILE);
  } catch {
    throw new Error('MAIL_DKIM_KEY_FILE cannot be read.');
  }
  if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(privateKey)) throw new Error('MAIL_DKIM_KEY_FILE does not hold a PEM private key.');
  return { domainName: config.MAIL_DKIM_DOMAIN, keySelector: config.MAIL_DKIM_SELECTOR, privateKey };
}
