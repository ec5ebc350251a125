import { useState } from 'react';
import { locales, type Locale } from '../api-types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { describeError } from './feedback.tsx';

export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const { changeLocale } = useSession();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function choose(next: Locale) {
    if (next === locale || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await changeLocale(next);
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="language-switch" role="group" aria-label={t('lang.switch')}>
      {locales.map((option, index) => (
        <span key={option}>
          {index > 0 ? (
            <span className="language-separator" aria-hidden="true">
              |
            </span>
          ) : null}
          <button
            type="button"
            className="language-option"
            lang={option}
            aria-pressed={option === locale}
            title={t(option === 'nl' ? 'lang.nl.long' : 'lang.en.long')}
            onClick={() => void choose(option)}
          >
            {t(option === 'nl' ? 'lang.nl.short' : 'lang.en.short')}
          </button>
        </span>
      ))}
      {error ? (
        <span className="language-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
