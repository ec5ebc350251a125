import { isIPv4, isIPv6 } from 'node:net';
import { MASK_CHAR } from './mask.ts';
import { invalid, VALID, type Recognizer, type Validation } from './recognizer.ts';

/** Dotted-quad IPv4 without leading zeros. */
export const IPV4_REGEX_SOURCE =
  '^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$';
/** A coarse IPv6 shape (hex groups and colons, optional embedded IPv4) to pre-filter before a real parse. */
export const IPV6_SHAPE_REGEX_SOURCE = '^[0-9a-f:]*:[0-9a-f:]*(\\.[0-9]{1,3}){0,3}$';

const IPV4 = new RegExp(IPV4_REGEX_SOURCE);
const MAX_IP_LENGTH = 64;

export function normaliseIpAddress(value: string): string | null {
  if (value.length > MAX_IP_LENGTH) return null;
  const text = value.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  // Leading zeros are read as octal by some software and decimal by other: refuse rather than guess.
  if (IPV4.test(text)) return text;
  const withoutZone = text.replace(/%[0-9a-z_.-]+$/, '');
  if (!isIPv6(withoutZone)) return null;
  // The WHATWG URL parser writes IPv6 in its RFC 5952 canonical, compressed form.
  return new URL(`http://[${withoutZone}]/`).hostname.slice(1, -1);
}

export function validateIpAddress(value: string): Validation {
  return normaliseIpAddress(value) === null ? invalid('not_ip_address') : VALID;
}

export type IpScope = 'public' | 'private' | 'loopback' | 'link_local' | 'unspecified' | 'other_reserved';

export interface IpDetails {
  version: 4 | 6;
  /** Private and loopback addresses say nothing about a subscriber on their own. */
  scope: IpScope;
}

function ipv4Scope(ip: string): IpScope {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'link_local';
  if (a === 100 && b >= 64 && b <= 127) return 'private';
  if (a >= 224) return 'other_reserved';
  return 'public';
}

function ipv6Scope(ip: string): IpScope {
  if (ip === '::') return 'unspecified';
  if (ip === '::1') return 'loopback';
  const mappedV4 = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip);
  if (mappedV4) {
    const high = Number.parseInt(mappedV4[1] ?? '0', 16);
    const low = Number.parseInt(mappedV4[2] ?? '0', 16);
    return ipv4Scope(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  const first = Number.parseInt(ip.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00) return 'private';
  if ((first & 0xffc0) === 0xfe80) return 'link_local';
  if ((first & 0xff00) === 0xff00) return 'other_reserved';
  return 'public';
}

export function describeIpAddress(normalisedIp: string): IpDetails {
  return isIPv4(normalisedIp)
    ? { version: 4, scope: ipv4Scope(normalisedIp) }
    : { version: 6, scope: ipv6Scope(normalisedIp) };
}

/** Keeps the network part (two octets or two groups). */
export function maskIpAddress(ip: string): string {
  if (isIPv4(ip)) {
    const [a, b] = ip.split('.');
    return `${a}.${b}.${MASK_CHAR}.${MASK_CHAR}`;
  }
  const groups = ip.split(':');
  return `${groups.slice(0, 2).join(':')}:${MASK_CHAR.repeat(3)}`;
}

export const ipAddressRecognizer: Recognizer = {
  category: 'ip_address',
  headerSynonyms: [
    'ip',
    'ipadres',
    'ipaddress',
    'ipaddr',
    'ipv4',
    'ipv6',
    'clientip',
    'remoteip',
    'remoteaddr',
    'sourceip',
    'srcip',
    'wanip',
  ],
  regexSource: IPV4_REGEX_SOURCE,
  needsHeader: false,
  chancePassRate: null,
  normalise: normaliseIpAddress,
  validate: validateIpAddress,
  mask: maskIpAddress,
};
