import { MASK_CHAR } from './mask.ts';
import { invalid, VALID, type Recognizer, type Validation } from './recognizer.ts';

/** Device words that home-network device names are built from (lower case). */
export const DEVICE_WORDS: readonly string[] = [
  'iphone', 'ipad', 'ipod', 'macbook', 'imac', 'mac', 'airpods', 'watch', 'applewatch', 'appletv',
  'galaxy', 'samsung', 'android', 'pixel', 'oneplus', 'xiaomi', 'redmi', 'huawei', 'oppo', 'nokia',
  'motorola', 'moto', 'sony', 'xperia', 'laptop', 'notebook', 'desktop', 'pc', 'computer', 'tablet',
  'telefoon', 'phone', 'mobiel', 'surface', 'thinkpad', 'chromebook', 'kindle', 'xbox', 'playstation',
  'ps4', 'ps5', 'switch', 'tv', 'printer', 'echo', 'nest', 'chromecast', 'fitbit', 'garmin',
];

export const DEVICE_NAME_REGEX_SOURCE =
  `(?i)(${DEVICE_WORDS.join('|')})[ _-]*.*[ _-](van|of|from|di|von)[ _-]+[A-Za-z]`;

const DEVICE_WORD = new RegExp(`(^|[^a-z])(${DEVICE_WORDS.join('|')})([^a-z]|$)`, 'i');
// "iPhone van Jan", "Galaxy-S21-van-Sanne", "MacBook Pro of Anna"
const OWNER_AFTER = /(?:^|[\s_-])(?:van|of|from|von|di)[\s_-]+(?:(?:de|der|den|het|ter|ten)[\s_-]+)?(\p{Lu}[\p{L}'’]*|\p{Ll}{2,}[\p{L}'’]*)(?:[\s_-]|$)/u;
// "Jan's iPhone", "Sanne’s MacBook", "Pieters-iPad"
const OWNER_BEFORE = /^(\p{L}[\p{L}-]*?)(?:['’]s|['’]|s)[\s_-]+/u;
const NOT_A_NAME = new Set([
  'de', 'het', 'een', 'the', 'my', 'mijn', 'pro', 'max', 'mini', 'air', 'plus', 'ultra', 'lite', 'home',
  'thuis', 'woonkamer', 'keuken', 'kantoor', 'office', 'living', 'kitchen', 'bedroom', 'slaapkamer',
  'werk', 'work', 'samsung', 'apple', 'google', 'android', 'mij', 'me', 'ons', 'mama', 'papa', 'oma', 'opa',
]);
const MAX_DEVICE_NAME_LENGTH = 80;

export function normaliseDeviceName(value: string): string | null {
  if (value.length > MAX_DEVICE_NAME_LENGTH) return null;
  const name = value.trim().replace(/\s+/g, ' ');
  return name.length > 0 && DEVICE_WORD.test(name) ? name : null;
}

/** The person's name inside a device name, or null when it holds none. */
export function extractOwnerName(deviceName: string): string | null {
  const after = OWNER_AFTER.exec(deviceName);
  const candidate = after?.[1] ?? OWNER_BEFORE.exec(deviceName)?.[1] ?? null;
  if (candidate === null) return null;
  const cleaned = candidate.replace(/['’]s?$/, '');
  if (cleaned.length < 2 || NOT_A_NAME.has(cleaned.toLowerCase()) || DEVICE_WORD.test(cleaned)) return null;
  return cleaned;
}

/** Valid when the device name carries a person's name; "DESKTOP-7F3K2L" has the shape but no name. */
export function validateDeviceName(value: string): Validation {
  const name = normaliseDeviceName(value);
  if (name === null) return invalid('not_device_name');
  return extractOwnerName(name) === null ? invalid('no_person_name') : VALID;
}

export function maskDeviceName(deviceName: string): string {
  const owner = extractOwnerName(deviceName);
  if (owner === null) return deviceName;
  return deviceName.replace(owner, `${owner.slice(0, 1)}${MASK_CHAR.repeat(3)}`);
}

export const deviceNameRecognizer: Recognizer = {
  category: 'device_name',
  headerSynonyms: [
    'apparaatnaam',
    'apparaat',
    'devicename',
    'device',
    'hostname',
    'clientname',
    'clientnaam',
    'netwerknaam',
    'friendlyname',
  ],
  regexSource: DEVICE_NAME_REGEX_SOURCE,
  needsHeader: false,
  chancePassRate: null,
  normalise: normaliseDeviceName,
  validate: validateDeviceName,
  mask: maskDeviceName,
};
