import { categoryProfiles } from '../../src/modules/risk/data-categories.ts';

// The same words the server's schema accepts, without bringing the validator into the browser bundle.
export { confidentialityLosses, integrityLosses, availabilityLosses, breachCauses, vulnerableGroups, protections, transferBases } from '../../src/modules/risk/case-facts.vocabulary.ts';
export const dataCategories = Object.keys(categoryProfiles) as (keyof typeof categoryProfiles)[];

export function categoryLabel(category: string, locale: 'nl' | 'en'): string {
  const profile = (categoryProfiles as Record<string, { nl: string; en: string } | undefined>)[category];
  return profile ? profile[locale] : category;
}

export type YesNo = 'yes' | 'no' | '';

export interface FactsDraft {
  confidentiality: string;
  integrity: string;
  availability: string;
  cause: string;
  malicious: YesNo;
  ongoing: YesNo;
  categories: string[];
  personsMin: string;
  personsMax: string;
  records: string;
  vulnerable: string[];
  protection: string;
  transfer: YesNo;
  destinationCountry: string;
  transferBasis: string;
}

type Json = Record<string, unknown>;

function section(facts: Json | null | undefined, key: string): Json {
  const value = facts?.[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : '');
const yesNo = (value: unknown): YesNo => (value === true ? 'yes' : value === false ? 'no' : '');
const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The form's view of facts that may be incomplete: anything not yet established stays empty. */
export function draftFromFacts(facts: Json | null | undefined): FactsDraft {
  const breach = section(facts, 'breach');
  const data = section(facts, 'data');
  const subjects = section(data, 'subjects');
  const transfer = facts?.transfer === undefined || facts?.transfer === null ? undefined : section(facts, 'transfer');
  return {
    confidentiality: text(breach.confidentiality),
    integrity: text(breach.integrity),
    availability: text(breach.availability),
    cause: text(breach.cause),
    malicious: yesNo(breach.malicious),
    ongoing: yesNo(breach.ongoing),
    categories: list(data.categories),
    personsMin: count(subjects.min),
    personsMax: count(subjects.max),
    records: count(data.records),
    vulnerable: list(data.vulnerable),
    protection: text(data.protection),
    transfer: transfer ? yesNo(transfer.outside_eea) : '',
    destinationCountry: transfer ? text(transfer.destination_country) : '',
    transferBasis: transfer ? text(transfer.basis) : '',
  };
}

export type DraftErrors = Partial<Record<keyof FactsDraft, 'notWholeNumber' | 'minAboveMax' | 'countryCode'>>;

function wholeNumber(value: string): number | undefined | 'invalid' {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : 'invalid';
}

/** Puts what the form knows back into the facts, keeping every fact the form does not show. */
export function factsFromDraft(draft: FactsDraft, original: Json | null | undefined): { facts: Json; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const min = wholeNumber(draft.personsMin);
  const max = wholeNumber(draft.personsMax);
  const records = wholeNumber(draft.records);
  if (min === 'invalid') errors.personsMin = 'notWholeNumber';
  if (max === 'invalid') errors.personsMax = 'notWholeNumber';
  if (records === 'invalid') errors.records = 'notWholeNumber';
  if (typeof min === 'number' && typeof max === 'number' && min > max) errors.personsMin = 'minAboveMax';
  const country = draft.destinationCountry.trim().toUpperCase();
  if (draft.transfer !== '' && country !== '' && !/^[A-Z]{2}$/.test(country)) errors.destinationCountry = 'countryCode';

  const breach: Json = { ...section(original, 'breach') };
  const data: Json = { ...section(original, 'data') };
  const set = (target: Json, key: string, value: unknown) => {
    if (value === undefined || value === '') delete target[key];
    else target[key] = value;
  };
  const bool = (value: YesNo) => (value === '' ? undefined : value === 'yes');

  set(breach, 'confidentiality', draft.confidentiality);
  set(breach, 'integrity', draft.integrity);
  set(breach, 'availability', draft.availability);
  set(breach, 'cause', draft.cause);
  set(breach, 'malicious', bool(draft.malicious));
  set(breach, 'ongoing', bool(draft.ongoing));
  set(data, 'categories', draft.categories.length ? draft.categories : undefined);
  if (typeof min === 'number' || typeof max === 'number') {
    data.subjects = { min: typeof min === 'number' ? min : 0, max: typeof max === 'number' ? max : typeof min === 'number' ? min : 0 };
  } else {
    delete data.subjects;
  }
  set(data, 'records', typeof records === 'number' ? records : undefined);
  // An empty list is a finding ("no vulnerable groups"), unlike an empty category list, which the schema refuses.
  data.vulnerable = draft.vulnerable;
  set(data, 'protection', draft.protection);

  const facts: Json = { ...(original ?? {}), breach, data };
  if (draft.transfer === '') {
    delete facts.transfer;
  } else {
    const transfer: Json = { outside_eea: draft.transfer === 'yes' };
    set(transfer, 'destination_country', country);
    set(transfer, 'basis', draft.transferBasis);
    facts.transfer = transfer;
  }
  return { facts, errors };
}

/** Where a figure came from, as the server recorded it: how (entered, computed), by whom (a user id) and when. */
export interface FactSource {
  path: string;
  kind: string | undefined;
  by: string | undefined;
  at: string | undefined;
}

/** The recorded sources of the facts at or under `prefix` ('breach' covers 'breach.cause'), in path order. */
export function factSourcesUnder(sources: Json | null | undefined, prefix: string): FactSource[] {
  return Object.entries(sources ?? {})
    .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, value]) => {
      if (typeof value === 'string') return { path, kind: value, by: undefined, at: undefined };
      const v = typeof value === 'object' && value !== null ? (value as Json) : {};
      return { path, kind: text(v.source) || text(v.kind) || undefined, by: text(v.by) || undefined, at: text(v.at) || undefined };
    });
}
