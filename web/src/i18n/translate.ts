import type { Locale } from '../api-types.ts';
import { en, type Dictionary, type MessageKey } from './en.ts';
import { nl } from './nl.ts';

export const dictionaries: Record<Locale, Dictionary> = { nl, en };

export type Vars = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown placeholder stays visible so that a missing value is noticed. */
export function translate(dictionary: Dictionary, key: MessageKey, vars: Vars = {}): string {
  return dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** Before sign-in the browser decides: Dutch for any Dutch variant, English otherwise. */
export function localeFromBrowser(languages: readonly string[]): Locale {
  const first = languages[0] ?? '';
  return first.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
