/** A stored address split into the fields a mail house asks for and the lines printed in the envelope window. */
export interface PostalAddress {
  /** Street and number, and any extra line before the postcode. */
  lines: string[];
  postcode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

const countryNames: Record<string, string> = {
  nederland: 'NL',
  netherlands: 'NL',
  'the netherlands': 'NL',
  nl: 'NL',
  belgie: 'BE',
  belgië: 'BE',
  belgium: 'BE',
  belgique: 'BE',
  be: 'BE',
  duitsland: 'DE',
  deutschland: 'DE',
  germany: 'DE',
  de: 'DE',
  luxemburg: 'LU',
  luxembourg: 'LU',
  lu: 'LU',
  frankrijk: 'FR',
  france: 'FR',
  fr: 'FR',
};

/** How the country is written on the last line abroad, in Dutch because the letters are posted in the Netherlands. */
const countryLine: Record<string, string> = { BE: 'BELGIË', DE: 'DUITSLAND', LU: 'LUXEMBURG', FR: 'FRANKRIJK' };

const dutchPostcode = /^(\d{4})\s?([A-Za-z]{2})\b\s*(.*)$/;
const numericPostcode = /^([A-Z]{1,2}-)?(\d{4,5})\s+(.+)$/;

/**
 * Splits a free-text address ("Dorpsstraat 1, 1234 AB Dorp", or one part per line) into its fields. The
 * postcode is found by shape (Dutch "1234 AB", or the four or five digits used in Belgium, Germany and
 * France); without one, the separately stored postcode is used and the last part is taken as the city.
 */
export function parsePostalAddress(address: string, storedPostcode?: string | null): PostalAddress {
  const parts = address
    .split(/\r?\n|,/)
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  let country = 'NL';
  const last = parts[parts.length - 1];
  if (last && parts.length > 1 && countryNames[last.toLowerCase()]) {
    country = countryNames[last.toLowerCase()]!;
    parts.pop();
  }
  for (let i = parts.length - 1; i >= 0; i -= 1) {
    const part = parts[i]!;
    const dutch = country === 'NL' ? dutchPostcode.exec(part) : null;
    if (dutch && dutch[3]) return { lines: parts.slice(0, i), postcode: `${dutch[1]} ${dutch[2]!.toUpperCase()}`, city: dutch[3], country };
    const numeric = numericPostcode.exec(part);
    if (numeric && i > 0) return { lines: parts.slice(0, i), postcode: numeric[2]!, city: numeric[3]!, country };
  }
  if (parts.length > 1) return { lines: parts.slice(0, -1), postcode: (storedPostcode ?? '').trim().toUpperCase(), city: parts[parts.length - 1]!, country };
  return { lines: parts, postcode: (storedPostcode ?? '').trim().toUpperCase(), city: '', country };
}

/**
 * The lines in the envelope window, as PostNL asks for them: name, street, then postcode and city in
 * capitals separated by two spaces, and the country in capitals for a letter abroad.
 */
export function envelopeLines(name: string | null, address: PostalAddress): string[] {
  const place = [address.postcode, address.city.toUpperCase()].filter(Boolean).join('  ');
  return [name ?? '', ...address.lines, place, address.country === 'NL' ? '' : (countryLine[address.country] ?? address.country)].filter(Boolean);
}
