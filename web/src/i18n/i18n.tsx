import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../api-types.ts';
import type { MessageKey } from './en.ts';
import { formatMoment } from './format.ts';
import { dictionaries, isMessageKey, localeFromBrowser, translate, type Vars } from './translate.ts';

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  /** Translates a key built from data (a role, a state) and falls back to the raw value. */
  label: (prefix: string, value: string) => string;
  moment: (iso: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(() => localeFromBrowser(navigator.languages?.length ? navigator.languages : [navigator.language]));

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const t = useCallback((key: MessageKey, vars?: Vars) => translate(dictionaries[locale], key, vars), [locale]);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t,
      label: (prefix, raw) => {
        const key = `${prefix}.${raw}`;
        return isMessageKey(key) ? t(key) : raw;
      },
      moment: (iso) => formatMoment(iso, locale) ?? t('common.none'),
    }),
    [locale, t],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider above it.');
  return value;
}
