/**
 * A seeded, synthetic customer export of a Dutch telecom operator with two brands, for tests and the
 * analysis benchmark, plus the ground truth the analysis is measured against.
 *
 *   npx tsx scripts/generate-telecom-export.ts --rows 100000 --out export.csv [--seed 7]
 *
 * Writes FILE, FILE.truth.csv (per data row: line, true person, whether the row is malformed, and the
 * true validity of each validated value) and FILE.truth.json (true category per column, counts).
 * Nothing here is real: names, streets and numbers are drawn from small lists and valid check digits.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface TelecomExportOptions {
  rows: number;
  seed?: number;
  path: string;
  delimiter?: string;
  /** Windows-1252 as old Windows exports write it; UTF-8 otherwise. */
  encoding?: 'utf-8' | 'windows-1252';
  /** Share of rows with a field too many (an unquoted delimiter), which a reader must reject. */
  malformedRate?: number;
}

export interface TelecomExportTruth {
  rows: number;
  dataRows: number;
  malformedRows: number;
  persons: number;
  columns: Record<string, string | null>;
}

/** Validated categories whose truth is written per row. */
export const TRUTH_CATEGORIES = ['bsn', 'iban', 'email', 'phone', 'postcode', 'birth_date'] as const;
export type TruthCategory = (typeof TRUTH_CATEGORIES)[number];

const HEADERS = [
  'merk', 'klantnummer', 'voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'straat', 'postcode', 'woonplaats',
  'telefoonnummer', 'email', 'iban', 'bsn', 'btw_nummer', 'documentnummer', 'abonnement', 'notities',
] as const;

const COLUMN_CATEGORIES: Record<(typeof HEADERS)[number], string | null> = {
  merk: null, klantnummer: 'customer_id', voornaam: 'name', tussenvoegsel: 'name', achternaam: 'name', geboortedatum: 'birth_date',
  straat: 'address', postcode: 'postcode', woonplaats: 'address', telefoonnummer: 'phone', email: 'email', iban: 'iban',
  bsn: 'bsn', btw_nummer: 'vat_number', documentnummer: 'id_document', abonnement: null, notities: 'free_text_notes',
};

const FIRST_NAMES = [
  'Jan', 'Piet', 'Kees', 'Henk', 'Willem', 'Johannes', 'Cornelis', 'Hendrik', 'Gerrit', 'Daan', 'Sem', 'Lucas', 'Milan', 'Levi',
  'Noah', 'Thijs', 'Bram', 'Ruben', 'Jesse', 'Finn', 'Maria', 'Anna', 'Johanna', 'Cornelia', 'Elisabeth', 'Emma', 'Julia',
  'Sophie', 'Tess', 'Sanne', 'Lotte', 'Fleur', 'Eva', 'Lisa', 'Anouk', 'Femke', 'Ingrid', 'Marieke', 'Joke', 'Renée', 'Zoë',
  'Chloë', 'Mohamed', 'Fatima', 'Ahmet', 'Ayşe', 'Yusuf', 'Priya', 'Wei', 'Anh',
];
const SURNAMES: Array<[string, string]> = [
  ['', 'Jansen'], ['de', 'Vries'], ['van den', 'Berg'], ['van', 'Dijk'], ['', 'Bakker'], ['', 'Janssen'], ['', 'Visser'],
  ['', 'Smit'], ['', 'Meijer'], ['de', 'Boer'], ['', 'Mulder'], ['de', 'Groot'], ['', 'Bos'], ['', 'Vos'], ['', 'Peters'],
  ['', 'Hendriks'], ['van', 'Leeuwen'], ['', 'Dekker'], ['', 'Brouwer'], ['de', 'Wit'], ['', 'Dijkstra'], ['', 'Smits'],
  ['de', 'Graaf'], ['van der', 'Meer'], ['van der', 'Linden'], ['', 'Kok'], ['', 'Jacobs'], ['de', 'Haan'], ['', 'Vermeulen'],
  ['van den', 'Heuvel'], ['van der', 'Veen'], ['van den', 'Broek'], ['de', 'Bruijn'], ['de', 'Jong'], ['', 'Schouten'],
  ['', 'Yılmaz'], ['', 'El Amrani'], ['', 'Nguyen'], ['', 'Öztürk'], ['', 'Çelik'],
];
const STREETS = [
  'Kerkstraat', 'Dorpsstraat', 'Schoolstraat', 'Molenweg', 'Stationsweg', 'Julianastraat', 'Beatrixlaan', 'Wilhelminaplein',
  'Eikenlaan', 'Lindengracht', 'Prinsengracht', 'Hoofdweg', 'Marktplein', 'Zuiderkade', 'Nieuwe Binnenweg', 'Parallelweg',
];
const CITIES: Array<[string, number, string]> = [
  ['Amsterdam', 1011, '020'], ['Rotterdam', 3011, '010'], ['Den Haag', 2511, '070'], ['Utrecht', 3511, '030'],
  ['Eindhoven', 5611, '040'], ['Groningen', 9711, '050'], ['Tilburg', 5011, '013'], ['Almere', 1311, '036'],
  ['Breda', 4811, '076'], ['Nijmegen', 6511, '024'], ['Leeuwarden', 8911, '058'], ['Maastricht', 6211, '043'],
];
const BANKS = ['INGB', 'RABO', 'ABNA', 'SNSB', 'TRIO', 'ASNB', 'KNAB', 'BUNQ'];
const DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.com', 'ziggo.nl', 'kpnmail.nl', 'xs4all.nl', 'live.nl', 'home.nl'];
const BRANDS = ['Telvia', 'Belsimpel Mobiel'];
const PLAIN_NOTES = [
  'Klant belt terug over factuur', 'Nummerbehoud aangevraagd', 'Nieuwe simkaart verstuurd', 'Klacht over dekking opgelost',
  'Customer asked about roaming', 'Toestel retour ontvangen', 'Adreswijziging doorgevoerd', 'Contract verlengd met 12 maanden',
];
const VULNERABLE_NOTES: Array<[string, string]> = [
  ['financial_administration', 'Post naar bewindvoerder sturen, klant staat onder bewind'],
  ['debt', 'Klant zit in de schuldsanering (WSNP), geen nieuwe toestellen'],
  ['payment_arrangement', 'Betalingsregeling afgesproken: 6 termijnen'],
  ['health', 'Klant is slechtziend, graag brieven in grote letters; ziekenhuisopname'],
  ['payment_arrangement', 'Payment plan agreed with customer'],
  ['debt', 'Dossier overgedragen aan incassobureau'],
];
const PLACEHOLDER_DOBS = ['01-01-1900', '1900-01-01', '9999-12-31'];

/** mulberry32: small, fast and good enough for synthetic data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Person {
  id: number;
  first: string;
  particle: string;
  surname: string;
  dob: { y: number; m: number; d: number };
  email: string | null;
  mobile: string;
  iban: string;
  bsn: string;
  vat: string | null;
  document: string | null;
  note: string | null;
  noteGroup: string | null;
}

interface Household {
  street: string;
  postcode: string;
  city: string;
  landline: string | null;
  persons: Person[];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 && code <= 90 ? String(code - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder;
}

class TelecomGenerator {
  private readonly random: () => number;
  private nextPerson = 0;
  private nextCustomer = 0;
  private readonly usedBsn = new Set<number>();
  private readonly usedMobile = new Set<number>();

  constructor(seed: number, private readonly referenceYear: number) {
    this.random = seededRandom(seed);
  }

  int(max: number): number {
    return Math.floor(this.random() * max);
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }

  bsn(): string {
    for (;;) {
      const first = 100_000_000 + this.int(899_999_999);
      const eight = String(first).slice(0, 8);
      let sum = 0;
      for (let i = 0; i < 8; i += 1) sum += Number(eight[i]) * (9 - i);
      const last = sum % 11;
      if (last === 10) continue;
      const value = Number(`${eight}${last}`);
      if (this.usedBsn.has(value)) continue;
      this.usedBsn.add(value);
      return `${eight}${last}`;
    }
  }

  iban(): string {
    const bban = `${this.pick(BANKS)}${pad(this.int(10_000_000_000), 10)}`;
    const check = 98 - ibanRemainder(`NL00${bban}`);
    return `NL${pad(check, 2)}${bban}`;
  }

  mobile(): string {
    for (;;) {
      const n = (1 + this.int(5)) * 10_000_000 + this.int(10_000_000);
      if (this.usedMobile.has(n)) continue;
      this.usedMobile.add(n);
      return `+316${n}`;
    }
  }

  person(household: { surname: [string, string]; adult: boolean }): Person {
    const id = this.nextPerson++;
    const age = household.adult ? (this.chance(0.06) ? 80 + this.int(16) : 18 + this.int(62)) : 8 + this.int(10);
    const dob = { y: this.referenceYear - age - 1, m: 1 + this.int(12), d: 1 + this.int(28) };
    const first = this.pick(FIRST_NAMES);
    const [particle, surname] = household.surname;
    const local = `${first}.${particle ? `${particle.replace(/ /g, '')}` : ''}${surname}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
    const email = `${local}${this.int(1000)}@${this.pick(DOMAINS)}`;
    const vulnerable = this.chance(0.03);
    const [noteGroup, note] = vulnerable ? this.pick(VULNERABLE_NOTES) : [null, this.chance(0.2) ? this.pick(PLAIN_NOTES) : null];
    return {
      id,
      first,
      particle,
      surname,
      dob,
      email,
      mobile: this.mobile(),
      iban: this.iban(),
      bsn: this.bsn(),
      vat: this.chance(0.03) ? 'own' : null,
      document: this.chance(0.4) ? `${this.pick(['NP', 'IR', 'BH', 'SP'])}${this.pick(['K', 'L', 'R', 'T'])}${pad(this.int(100_000), 5)}${this.int(10)}` : null,
      note,
      noteGroup,
    };
  }

  household(): Household {
    const [city, pc, area] = this.pick(CITIES);
    const letters = 'ABCDEGHJKLMNPRTVWXZ';
    const postcode = `${pc + this.int(80)}${letters[this.int(letters.length)]}${letters[this.int(letters.length)]}`;
    const surname = this.pick(SURNAMES);
    const size = this.chance(0.55) ? 1 : 2 + this.int(3);
    const persons: Person[] = [];
    for (let i = 0; i < size; i += 1) persons.push(this.person({ surname, adult: i < 2 }));
    if (size > 1 && this.chance(0.35)) {
      // A family e-mail address that every member uses.
      const family = `fam.${surname[1].toLowerCase().replace(/[^a-z]/g, '')}${this.int(1000)}@${this.pick(DOMAINS)}`;
      for (const p of persons) p.email = family;
    }
    if (size > 1 && this.chance(0.2)) {
      const shared = persons[0]?.iban ?? this.iban();
      for (const p of persons) p.iban = shared;
    }
    const digits = area.length === 3 ? 7 : 6;
    return {
      street: `${this.pick(STREETS)} ${1 + this.int(180)}${this.chance(0.1) ? this.pick(['a', 'b', '-2']) : ''}`,
      postcode,
      city,
      landline: this.chance(0.4) ? `+31${area.slice(1)}${pad(this.int(10 ** digits), digits)}` : null,
      persons,
    };
  }

  customerNumber(): string {
    this.nextCustomer += 1;
    return String(200_000_000 + this.nextCustomer * 7);
  }

  get personCount(): number {
    return this.nextPerson;
  }
}

function formatDob(dob: Person['dob'], style: number): string {
  const d = pad(dob.d, 2);
  const m = pad(dob.m, 2);
  switch (style) {
    case 0:
      return `${d}-${m}-${dob.y}`;
    case 1:
      return `${dob.y}-${m}-${d}`;
    case 2:
      return `${dob.d}/${dob.m}/${dob.y}`;
    default:
      return `${dob.y}${m}${d}`;
  }
}

function formatPhone(e164: string, style: number): string {
  const national = `0${e164.slice(3)}`;
  switch (style) {
    case 0:
      return e164;
    case 1:
      return national;
    case 2:
      return national.startsWith('06') ? `06-${national.slice(2)}` : `${national.slice(0, 3)}-${national.slice(3)}`;
    default:
      return `+31 ${e164.slice(3, 4)} ${e164.slice(4, 8)} ${e164.slice(8)}`;
  }
}

function quoteField(value: string, delimiter: string): string {
  return value.includes(delimiter) || value.includes('"') || value.includes('\n') ? `"${value.replace(/"/g, '""')}"` : value;
}

interface RowTruth {
  bsn: string;
  iban: string;
  email: string;
  phone: string;
  postcode: string;
  birth_date: string;
}

function flag(value: boolean | null): string {
  return value === null ? '' : value ? '1' : '0';
}

/** One subscription row of a person; a share of values is broken on purpose, and the truth says which. */
function subscriptionRow(g: TelecomGenerator, household: Household, person: Person, brand: number, kind: 'mobile' | 'fixed', customer: string): { fields: string[]; truth: RowTruth } {
  const dobStyle = brand === 0 ? 0 : g.int(4);
  let dob = formatDob(person.dob, dobStyle);
  let dobValid: boolean | null = true;
  if (g.chance(0.01)) {
    dob = g.pick(PLACEHOLDER_DOBS);
    dobValid = false;
  } else if (g.chance(0.02)) {
    dob = '';
    dobValid = null;
  }
  const phoneE164 = kind === 'fixed' && household.landline !== null ? household.landline : person.mobile;
  let phone = formatPhone(phoneE164, g.int(4));
  let phoneValid: boolean | null = true;
  if (g.chance(0.01)) {
    phone = phone.slice(0, phone.length - 3);
    phoneValid = false;
  }
  let email = person.email === null ? '' : g.chance(0.2) ? person.email.toUpperCase() : person.email;
  let emailValid: boolean | null = email === '' ? null : true;
  if (email !== '' && g.chance(0.01)) {
    email = g.chance(0.5) ? email.replace(/\.[a-z]+$/i, '') : email.replace('@', '@@');
    emailValid = false;
  }
  let iban = brand === 1 && g.chance(0.5) ? person.iban.replace(/(.{4})/g, '$1 ').trim() : person.iban;
  let ibanValid: boolean | null = true;
  if (g.chance(0.01)) {
    const last = Number(iban.slice(-1));
    iban = `${iban.slice(0, -1)}${(last + 1) % 10}`;
    ibanValid = false;
  }
  let bsn = '';
  let bsnValid: boolean | null = null;
  if (brand === 0 && g.chance(0.6)) {
    bsn = person.bsn;
    bsnValid = true;
    if (g.chance(0.01)) {
      bsn = `${bsn.slice(0, 4)}${(Number(bsn[4]) + 1) % 10}${bsn.slice(5)}`;
      bsnValid = false;
    }
  }
  const vat = person.vat === null ? '' : `NL${person.bsn}B01`;
  const note = person.note !== null && g.chance(0.7) ? (g.chance(0.1) ? `${person.note}\nTerugbellen na 17:00` : person.note) : '';
  const fields = [
    BRANDS[brand] as string,
    customer,
    g.chance(0.05) ? person.first.toUpperCase() : person.first,
    person.particle,
    person.surname,
    dob,
    household.street,
    g.chance(0.3) ? `${household.postcode.slice(0, 4)} ${household.postcode.slice(4)}` : household.postcode,
    household.city,
    phone,
    email,
    iban,
    bsn,
    vat,
    person.document ?? '',
    kind === 'mobile' ? 'Mobiel onbeperkt' : 'Internet + Vast',
    note,
  ];
  return {
    fields,
    truth: {
      bsn: flag(bsnValid),
      iban: flag(ibanValid),
      email: flag(emailValid),
      phone: flag(phoneValid),
      postcode: '1',
      birth_date: flag(dobValid),
    },
  };
}

async function writeChunk(stream: WriteStream, text: string, encoding: 'utf-8' | 'windows-1252'): Promise<void> {
  const data = encoding === 'utf-8' ? text : encodeWindows1252(text);
  if (!stream.write(data)) await new Promise<void>((resolve) => stream.once('drain', resolve));
}

/** Latin-1 covers every character the lists use; anything else becomes '?', as old exports do. */
function encodeWindows1252(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    out[i] = code < 256 ? code : 63;
  }
  return out;
}

async function closeStream(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

/** Writes the export, its per-row truth and its summary truth; returns the summary. */
export async function generateTelecomExport(options: TelecomExportOptions): Promise<TelecomExportTruth> {
  const delimiter = options.delimiter ?? ';';
  const encoding = options.encoding ?? 'utf-8';
  const malformedRate = options.malformedRate ?? 1 / 20_000;
  const g = new TelecomGenerator(options.seed ?? 7, 2026);
  const out = createWriteStream(options.path);
  const truthOut = createWriteStream(`${options.path}.truth.csv`);
  await writeChunk(out, `${HEADERS.join(delimiter)}\n`, encoding);
  await writeChunk(truthOut, `line,person,malformed,${TRUTH_CATEGORIES.join(',')}\n`, 'utf-8');
  let rows = 0;
  let malformed = 0;
  let line = 2;
  let text = '';
  let truthText = '';
  while (rows < options.rows) {
    const household = g.household();
    for (const person of household.persons) {
      const brands = g.chance(0.15) ? [0, 1] : [g.int(2)];
      for (const brand of brands) {
        const customer = g.customerNumber();
        const kinds: Array<'mobile' | 'fixed'> = ['mobile'];
        if (household.landline !== null && g.chance(0.5)) kinds.push('fixed');
        if (g.chance(0.15)) kinds.push('mobile');
        for (const kind of kinds) {
          if (rows >= options.rows) break;
          const { fields, truth } = subscriptionRow(g, household, person, brand, kind, customer);
          const bad = g.chance(malformedRate);
          let record = fields.map((f) => quoteField(f, delimiter)).join(delimiter);
          if (bad) {
            record += `${delimiter}${delimiter}extra`;
            malformed += 1;
          }
          text += `${record}\n`;
          truthText += `${line},${person.id},${bad ? 1 : 0},${TRUTH_CATEGORIES.map((c) => truth[c]).join(',')}\n`;
          line += 1 + (record.match(/\n/g)?.length ?? 0);
          rows += 1;
        }
      }
    }
    if (text.length > 1 << 20) {
      await writeChunk(out, text, encoding);
      await writeChunk(truthOut, truthText, 'utf-8');
      text = '';
      truthText = '';
    }
  }
  await writeChunk(out, text, encoding);
  await writeChunk(truthOut, truthText, 'utf-8');
  await Promise.all([closeStream(out), closeStream(truthOut)]);
  const summary: TelecomExportTruth = {
    rows,
    dataRows: rows - malformed,
    malformedRows: malformed,
    persons: g.personCount,
    columns: { ...COLUMN_CATEGORIES },
  };
  const summaryOut = createWriteStream(`${options.path}.truth.json`);
  summaryOut.write(`${JSON.stringify(summary, null, 2)}\n`);
  await closeStream(summaryOut);
  return summary;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const path = argument('out');
  if (!path) {
    process.stderr.write('usage: tsx scripts/generate-telecom-export.ts --rows N --out FILE [--seed N] [--delimiter ";"] [--latin1]\n');
    process.exit(2);
  }
  const summary = await generateTelecomExport({
    rows: Number(argument('rows') ?? 100_000),
    seed: Number(argument('seed') ?? 7),
    path,
    delimiter: argument('delimiter') ?? ';',
    encoding: process.argv.includes('--latin1') ? 'windows-1252' : 'utf-8',
  });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}
