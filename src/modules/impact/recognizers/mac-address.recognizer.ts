import { MASK_CHAR } from './mask.ts';
import { invalid, MAX_IDENTIFIER_LENGTH, VALID, type Recognizer, type Validation } from './recognizer.ts';

/** A normalised MAC address: six lower-case hex pairs separated by colons. */
export const MAC_ADDRESS_REGEX_SOURCE = '^[0-9a-f]{2}(:[0-9a-f]{2}){5}$';
/** Second hex digit 2, 6, a or e: a locally administered unicast address (randomised, private Wi-Fi). */
export const LOCALLY_ADMINISTERED_MAC_REGEX_SOURCE = '^[0-9a-f][26ae]:';

const SEPARATED = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/;
const DOTTED = /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/;
const BARE = /^[0-9a-f]{12}$/;

export function normaliseMacAddress(value: string): string | null {
  if (value.length > MAX_IDENTIFIER_LENGTH) return null;
  const text = value.trim().toLowerCase();
  if (!SEPARATED.test(text) && !DOTTED.test(text) && !BARE.test(text)) return null;
  const hex = text.replace(/[:.-]/g, '');
  return hex.match(/../g)?.join(':') ?? null;
}

export function validateMacAddress(value: string): Validation {
  const mac = normaliseMacAddress(value);
  if (mac === null) return invalid('not_mac_shape');
  if (mac === '00:00:00:00:00:00') return invalid('all_zero');
  if (mac === 'ff:ff:ff:ff:ff:ff') return invalid('broadcast');
  return VALID;
}

export interface MacDetails {
  /** Set by the device (randomised or private Wi-Fi addresses): no vendor, and it changes over time. */
  locallyAdministered: boolean;
  multicast: boolean;
  /** The vendor prefix (OUI) of a globally unique address; null when locally administered. */
  oui: string | null;
}

export function describeMacAddress(normalisedMac: string): MacDetails {
  const firstOctet = Number.parseInt(normalisedMac.slice(0, 2), 16);
  const locallyAdministered = (firstOctet & 0b10) !== 0;
  return {
    locallyAdministered,
    multicast: (firstOctet & 0b1) !== 0,
    oui: locallyAdministered ? null : normalisedMac.slice(0, 8),
  };
}

/** Keeps the vendor prefix, which names a manufacturer, not a device. */
export function maskMacAddress(mac: string): string {
  return `${mac.slice(0, 8)}:${MASK_CHAR.repeat(2)}:${MASK_CHAR.repeat(2)}:${MASK_CHAR.repeat(2)}`;
}

export const macAddressRecognizer: Recognizer = {
  category: 'mac_address',
  headerSynonyms: ['mac', 'macadres', 'macaddress', 'macaddr', 'hwaddress', 'hardwareadres', 'bssid', 'clientmac', 'wifimac'],
  regexSource: MAC_ADDRESS_REGEX_SOURCE,
  needsHeader: false,
  chancePassRate: null,
  normalise: normaliseMacAddress,
  validate: validateMacAddress,
  mask: maskMacAddress,
};
